package dev.coupondecision.tables;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The default policy as spreadsheets, exactly as specified for the first release. Run once to bootstrap
 * {@code decision-tables/}; from then on analysts own the XLSX files and the regression scenarios pin them.
 * Tests use these builders to make variants of the tables.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.coupondecision.tables.DefaultDecisionTables -Dexec.args=decision-tables</pre>
 */
public final class DefaultDecisionTables {
    static final String IMPORT = "dev.coupondecision.decision.facts.*";

    private DefaultDecisionTables() {
    }

    public static Map<String, DecisionTableSheet> all() {
        return Map.of("tiers.xlsx", tiers(), "coupons.xlsx", coupons(), "frequency-caps.xlsx", frequencyCaps(),
                "send-windows.xlsx", sendWindows());
    }

    public static DecisionTableSheet tiers() {
        return new DecisionTableSheet("Tiers", "dev.coupondecision.tables.tiers", "Tiers")
                .option("Import", IMPORT).option("Sequential", "true")
                .option("RULEFLOW-GROUP", "segment").option("ACTIVATION-GROUP", "tier")
                .column("NAME", null, null, "Rule")
                .column("CONDITION", "$c : Customer", "orderCount == $param", "Orders")
                .column("CONDITION", "$c : Customer", "orderCount >= $param", "Orders at least")
                .column("CONDITION", "$c : Customer", "intentDays <= $param", "Cart activity within days")
                .column("CONDITION", "$c : Customer", "recencyDays > $param", "Last purchase over days ago")
                .column("CONDITION", "$c : Customer", "ordersLast90Days >= $param", "Orders in last 90 days at least")
                .column("CONDITION", "$c : Customer", "spendLast365Days >= $param", "Spend in last 365 days at least")
                .column("ACTION", null, "insert(new TierAssignment(Tier.$param));", "Tier")
                .row("Prospect: no orders, recent cart activity", 0, null, 14, null, null, null, "PROSPECT")
                .row("Cold lead: no orders", 0, null, null, null, null, null, "COLD_LEAD")
                .row("Churned: no purchase for over 180 days", null, null, null, 180, null, null, "CHURNED")
                .row("Dormant: no purchase for over 90 days", null, null, null, 90, null, null, "DORMANT")
                .row("At risk: no purchase for over 60 days", null, null, null, 60, null, null, "AT_RISK")
                .row("High value: frequent and big spender", null, null, null, null, 3, 2000, "HIGH_VALUE")
                .row("New: first order", 1, null, null, null, null, null, "NEW")
                .row("Otherwise: active", null, 0, null, null, null, null, "ACTIVE");
    }

    public static DecisionTableSheet coupons() {
        return new DecisionTableSheet("Coupons", "dev.coupondecision.tables.coupons", "Coupons")
                .option("Import", IMPORT).option("Sequential", "true")
                .option("RULEFLOW-GROUP", "offer").option("ACTIVATION-GROUP", "coupon")
                .column("NAME", null, null, "Rule")
                .column("CONDITION", "$d : Decision", "tier == Tier.$param", "Tier")
                .column("CONDITION", "$c : Customer", "birthdayInDays <= $param", "Birthday within days")
                .column("CONDITION", "$c : Customer", "forall(||){favoriteCategory == \"$\"}", "Favorite category is one of")
                .column("CONDITION", "$c : Customer", "bucketOf(\"$1\") >= $2 && bucketOf(\"$1\") <= $3",
                        "A/B experiment, bucket from, bucket to")
                .column("ACTION", null, "modify($d) { setCouponType(CouponType.$param) }", "Coupon type")
                .column("ACTION", null, "$d.setAmountOff($param);", "Amount off")
                .column("ACTION", null, "$d.setMinSpend($param);", "Min spend")
                .column("ACTION", null, "$d.setPercentOff($param);", "Percent off")
                .column("ACTION", null, "$d.setValidHours($param);", "Valid hours")
                .column("ACTION", null, "$d.setVariant(\"$param\");", "Variant")
                .row("High value near birthday", "HIGH_VALUE", 7, null, null, "BIRTHDAY", 50, 0, null, 168, null)
                .row("High value member discount", "HIGH_VALUE", null, null, null, "MEMBER_DISCOUNT", null, null, 15, 168, null)
                .row("Active beauty or daily shopper", "ACTIVE", null, "beauty, daily", null, "SECOND_ITEM_HALF_PRICE", null, null, 50, 168, null)
                .row("Active spend and save", "ACTIVE", null, null, null, "SPEND_AND_SAVE", 30, 200, null, 168, null)
                .row("New customer", "NEW", null, null, null, "NO_THRESHOLD", 10, 0, null, 168, null)
                .row("Prospect", "PROSPECT", null, null, null, "NO_THRESHOLD", 20, 0, null, 72, null)
                .row("At risk", "AT_RISK", null, null, null, "NO_THRESHOLD", 20, 0, null, 72, null)
                .row("Dormant", "DORMANT", null, null, null, "NO_THRESHOLD", 30, 0, null, 48, null)
                .row("Churned offer A", "CHURNED", null, null, "churned-offer, 0, 49", "SPEND_AND_SAVE", 20, 100, null, 24, "A")
                .row("Churned offer B", "CHURNED", null, null, "churned-offer, 50, 99", "SPEND_AND_SAVE", 40, 150, null, 24, "B")
                .row("Cold lead: no offer", "COLD_LEAD", null, null, null, "NONE", null, null, null, null, null);
    }

    public static DecisionTableSheet frequencyCaps() {
        return new DecisionTableSheet("FrequencyCaps", "dev.coupondecision.tables.frequencycaps", "FrequencyCaps")
                .option("Import", IMPORT).option("Sequential", "true")
                .option("RULEFLOW-GROUP", "offer").option("ACTIVATION-GROUP", "frequency-cap")
                .column("NAME", null, null, "Rule")
                .column("CONDITION", "$d : Decision", "tier == Tier.$param", "Tier")
                .column("ACTION", null, "modify($d) { setFrequencyCapMax($param) }", "Max messages")
                .column("ACTION", null, "modify($d) { setFrequencyCapPeriodDays($param) }", "Period days")
                .row("High value cap", "HIGH_VALUE", 4, 30)
                .row("Active cap", "ACTIVE", 4, 30)
                .row("New cap", "NEW", 3, 30)
                .row("Prospect cap", "PROSPECT", 2, 30)
                .row("At risk cap", "AT_RISK", 2, 30)
                .row("Dormant cap", "DORMANT", 2, 30)
                .row("Churned cap", "CHURNED", 2, 30)
                .row("Cold lead cap", "COLD_LEAD", 0, 30);
    }

    public static DecisionTableSheet sendWindows() {
        return new DecisionTableSheet("SendWindows", "dev.coupondecision.tables.sendwindows", "SendWindows")
                .option("Import", IMPORT).option("Sequential", "true")
                .option("RULEFLOW-GROUP", "offer")
                .column("NAME", null, null, "Rule")
                .column("CONDITION", "$d : Decision", "tier == Tier.$param", "Tier (blank = any)")
                .column("CONDITION", "$slot : SendWindowSlot", "dayType == DayType.$param, windows == null", "Day type")
                .column("ACTION", null, "modify($slot) { setWindows(\"$param\") }", "Windows (local time)")
                .row("High value weekday evening", "HIGH_VALUE", "WEEKDAY", "20:00-21:30")
                .row("High value weekend morning", "HIGH_VALUE", "WEEKEND", "10:00-12:00")
                .row("Weekday lunch and after work", null, "WEEKDAY", "11:30-13:00, 17:00-19:00")
                .row("Weekend morning", null, "WEEKEND", "10:00-12:00");
    }

    public static byte[] workbook(DecisionTableSheet sheet) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            sheet.writeTo(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "decision-tables");
        Files.createDirectories(dir);
        for (var entry : all().entrySet()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(entry.getKey()))) {
                out.write(workbook(entry.getValue()));
            }
        }
    }
}
