package dev.coupondecision.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.tables.DecisionTableSheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seasonal rows: "Effective from" / "Expires on" columns are evaluated against the decision's asOf in the
 * customer's zone, not the wall clock.
 */
class EffectiveDatesTest {
    private static final RequestParser PARSER = new RequestParser(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
    private static CompiledRuleset ruleset;
    private static RuleFileSet files;

    /** The reference coupons plus a Double 12 row for DORMANT customers, valid 2026-12-10 until 2026-12-13. */
    static DecisionTableSheet seasonalCoupons() {
        return new DecisionTableSheet("Coupons", "dev.coupondecision.tables.coupons", "Coupons")
                .option("Import", "dev.coupondecision.decision.facts.*").option("Sequential", "true")
                .option("RULEFLOW-GROUP", "offer").option("ACTIVATION-GROUP", "coupon")
                .column("NAME", null, null, "Rule")
                .column("CONDITION", "$d : Decision", "tier == Tier.$param", "Tier")
                .column("CONDITION", "$c : Customer", "onOrAfter(\"$param\")", "Effective from")
                .column("CONDITION", "$c : Customer", "before(\"$param\")", "Expires on")
                .column("ACTION", null, "modify($d) { setCouponType(CouponType.$param) }", "Coupon type")
                .column("ACTION", null, "$d.setAmountOff($param);", "Amount off")
                .column("ACTION", null, "$d.setMinSpend($param);", "Min spend")
                .column("ACTION", null, "$d.setValidHours($param);", "Valid hours")
                .row("Double 12 win-back", "DORMANT", "2026-12-10", "2026-12-13", "NO_THRESHOLD", 60, 0, 48)
                .row("High value", "HIGH_VALUE", null, null, "MEMBER_DISCOUNT", null, null, 168)
                .row("Active", "ACTIVE", null, null, "SPEND_AND_SAVE", 30, 200, 168)
                .row("New", "NEW", null, null, "NO_THRESHOLD", 10, 0, 168)
                .row("Prospect", "PROSPECT", null, null, "NO_THRESHOLD", 20, 0, 72)
                .row("At risk", "AT_RISK", null, null, "NO_THRESHOLD", 20, 0, 72)
                .row("Dormant", "DORMANT", null, null, "NO_THRESHOLD", 30, 0, 48)
                .row("Churned", "CHURNED", null, null, "SPEND_AND_SAVE", 20, 100, 24)
                .row("Cold lead", "COLD_LEAD", null, null, "NONE", null, null, null);
    }

    @BeforeAll
    static void compile() throws IOException {
        List<RuleFile> ruleFiles = new ArrayList<>(RuleFileSet.read(ReferenceRuleset.RULES, ReferenceRuleset.TABLES).files());
        ruleFiles.removeIf(f -> f.name().equals("coupons.xlsx"));
        ruleFiles.add(RuleFileSet.file("coupons.xlsx", RuleFile.Kind.XLSX, seasonalCoupons().toWorkbook()));
        files = RuleFileSet.of(ruleFiles);
        ruleset = new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT).compile(files);
    }

    private static DecisionResponse dormantAt(String asOf, String zone) throws IOException {
        String json = "{\"customerId\":\"d-1\",\"asOf\":\"" + asOf + "\",\"timezone\":\"" + zone + "\",\"smsConsent\":true,"
                + "\"orderCount\":3,\"lastPurchaseDate\":\"2026-08-01\"}";
        return Decider.decide(PARSER.parse(new ObjectMapper().readTree(json)), ruleset);
    }

    @Test
    void shouldLintCleanWithDateColumns() {
        assertThat(new RulesetLinter(LocalTime.of(22, 0), LocalTime.of(8, 0), WorkbookLimits.DEFAULT).lint(files)).isEmpty();
    }

    @Test
    void shouldApplySeasonalRowOnlyFromEffectiveDateUntilTheDayBeforeExpiry() throws IOException {
        assertThat(dormantAt("2026-12-09T23:59:59+08:00", "Asia/Shanghai").coupon().amountOff()).isEqualByComparingTo("30");
        assertThat(dormantAt("2026-12-10T00:00:00+08:00", "Asia/Shanghai").coupon().amountOff()).isEqualByComparingTo("60");
        assertThat(dormantAt("2026-12-12T23:59:59+08:00", "Asia/Shanghai").coupon().amountOff()).isEqualByComparingTo("60");
        assertThat(dormantAt("2026-12-13T00:00:00+08:00", "Asia/Shanghai").coupon().amountOff()).isEqualByComparingTo("30");
    }

    @Test
    void shouldUseTheCustomersLocalDateNotTheWallClockOrUtc() throws IOException {
        // 2026-12-09T20:00Z is already 2026-12-10 in Shanghai but still 2026-12-09 in New York
        assertThat(dormantAt("2026-12-09T20:00:00Z", "Asia/Shanghai").coupon().amountOff()).isEqualByComparingTo("60");
        assertThat(dormantAt("2026-12-09T20:00:00Z", "America/New_York").coupon().amountOff()).isEqualByComparingTo("30");
    }

    @Test
    void shouldRejectAnImpossibleEffectiveDateAtItsCell() throws IOException {
        DecisionTableSheet broken = seasonalCoupons();
        Path dir = Files.createTempDirectory("tables");
        byte[] workbook = broken.row("Typo", "DORMANT", "2026-13-01", null, "NO_THRESHOLD", 5, 0, 1).toWorkbook();
        List<RuleFile> ruleFiles = new ArrayList<>(files.files());
        ruleFiles.removeIf(f -> f.name().equals("coupons.xlsx"));
        ruleFiles.add(RuleFileSet.file("coupons.xlsx", RuleFile.Kind.XLSX, workbook));
        var findings = new RulesetLinter(LocalTime.of(22, 0), LocalTime.of(8, 0), WorkbookLimits.DEFAULT).lint(RuleFileSet.of(ruleFiles));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.location()).isEqualTo("coupons.xlsx › Coupons › C21");
            assertThat(f.message()).contains("2026-13-01");
        });
        Files.delete(dir);
    }
}
