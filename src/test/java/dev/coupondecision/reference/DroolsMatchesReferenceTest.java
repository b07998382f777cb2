package dev.coupondecision.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Drools engine with the shipped tables against {@link ReferencePolicy}, field by field, over thousands of
 * random valid requests from {@link RandomProfiles}. The requests go through the real {@link RequestParser}
 * from JSON text, so every one of them is a request the API would accept.
 *
 * <p>After the run the population's coverage is checked, so the property cannot pass on a population that
 * never reached a tier, coupon row, suppression, cap or edge. A failure shows the request JSON and jqwik's seed.
 */
class DroolsMatchesReferenceTest {
    private static final int TRIES = 6000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestParser PARSER = new RequestParser(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    private final Map<String, Integer> coverage = new TreeMap<>();
    private final List<String> capOrderDifferences = new ArrayList<>();
    private long startedNanos;
    private long parseNanos;
    private long referenceNanos;
    private long engineNanos;

    @BeforeProperty
    void start() {
        ReferenceRuleset.get(); // compile outside the timed loop
        startedNanos = System.nanoTime();
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void droolsDecidesAsTheReferencePolicy(@ForAll("profiles") RandomProfiles.Profile profile) {
        long t0 = System.nanoTime();
        DecisionRequest request = parse(profile);
        long t1 = System.nanoTime();
        ReferencePolicy.Result expected = ReferencePolicy.decide(request);
        long t2 = System.nanoTime();
        DecisionResponse actual = Decider.decide(request, ReferenceRuleset.get());
        long t3 = System.nanoTime();
        parseNanos += t1 - t0;
        referenceNanos += t2 - t1;
        engineNanos += t3 - t2;

        List<String> mismatches = compare(expected, actual);
        assertThat(mismatches).as("engine vs reference for request %s", profile).isEmpty();
        count(profile, request, expected);
    }

    @Provide
    Arbitrary<RandomProfiles.Profile> profiles() {
        return Arbitraries.randomValue(RandomProfiles::next);
    }

    @AfterProperty
    void populationCoveredEveryRowAndEdge() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        int profiles = Math.max(1, coverage.getOrDefault("profiles", 0));
        System.out.printf("DroolsMatchesReferenceTest: %d profiles in %.1f s (per profile: JSON+parse %.1f us,"
                        + " reference %.1f us, engine %.1f us)%n", profiles, seconds, parseNanos / 1e3 / profiles,
                referenceNanos / 1e3 / profiles, engineNanos / 1e3 / profiles);
        // One line per kind of fact, e.g. "tier: ACTIVE=738 AT_RISK=767 ...".
        Map<String, List<String>> byKind = new TreeMap<>();
        coverage.forEach((key, n) -> {
            int colon = key.indexOf(':');
            String kind = colon < 0 ? key : key.substring(0, colon);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add((colon < 0 ? "" : key.substring(colon + 1) + "=") + n);
        });
        byKind.forEach((kind, counts) -> System.out.println("  " + kind + ": " + String.join(" ", counts)));
        if (!capOrderDifferences.isEmpty()) {
            System.out.printf("  caps listed in another order than TIER, TWO_IN_3_DAYS, ONE_IN_7_DAYS, RECALL_TWO_IN_30_DAYS: %d, e.g. %s%n",
                    capOrderDifferences.size(), capOrderDifferences.get(0));
        }
        if (coverage.getOrDefault("profiles", 0) < TRIES) {
            return; // the property failed early or replays one sample: its failure is the news
        }
        List<String> required = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            required.add("tier:" + tier);
        }
        required.addAll(List.of("coupon:HIGH_VALUE/BIRTHDAY", "coupon:HIGH_VALUE/MEMBER_DISCOUNT",
                "coupon:ACTIVE/SECOND_ITEM_HALF_PRICE/beauty", "coupon:ACTIVE/SECOND_ITEM_HALF_PRICE/daily",
                "coupon:ACTIVE/SPEND_AND_SAVE", "coupon:NEW/NO_THRESHOLD", "coupon:PROSPECT/NO_THRESHOLD",
                "coupon:AT_RISK/NO_THRESHOLD", "coupon:DORMANT/NO_THRESHOLD", "coupon:CHURNED/SPEND_AND_SAVE/A",
                "coupon:CHURNED/SPEND_AND_SAVE/B", "coupon:COLD_LEAD/NONE"));
        for (SuppressionCode code : SuppressionCode.values()) {
            // the frozen reference policy predates holdout tables: HOLDOUT is pinned by the shipped scenarios
            // (scenarios/holdouts) and ClosedLoopTest instead
            if (code != SuppressionCode.HOLDOUT) {
                required.add("suppression:" + code);
            }
        }
        for (String cap : List.of("TIER", "TWO_IN_3_DAYS", "ONE_IN_7_DAYS", "RECALL_TWO_IN_30_DAYS")) {
            required.add("cap:" + cap);
            required.add("cap:" + cap + ":count==max");
            required.add("cap-only:" + cap);
        }
        required.addAll(List.of("bigSale:ONE_IN_7_DAYS-would-apply", "campaign:RECALL", "campaign:PROMOTION",
                "eligible", "suppressed:caps-only", "suppressed:hard", "suppressed:hard+would-be-capped",
                "window:starts-at-window-start", "window:starts-inside-window",
                "window:other-offset-than-asOf", "window:on-dst-transition-day", "nextEligibleAt:other-offset-than-asOf",
                "window:weekday-lunch", "window:weekday-evening", "window:high-value-weekday", "window:weekend"));
        for (int days : new int[]{60, 61, 90, 91, 180, 181}) {
            required.add("recencyDays:" + days);
        }
        required.addAll(List.of("intentDays:14", "intentDays:15", "intentDays:none", "spend:1999.99", "spend:2000",
                "spend:2000.01", "ordersLast90Days:2", "ordersLast90Days:3", "orderCount:0", "orderCount:1",
                "orderCount:2", "category:beauty", "category:daily", "category:books", "category:none",
                "birthdayInDays:0", "birthdayInDays:7", "birthdayInDays:8", "birthdayInDays:none",
                "birthday:02-29", "birthday:02-29-in-common-year", "birthday:02-29-today",
                "asOf:dst-transition-day", "asOf:near-spring-forward", "asOf:near-fall-back", "asOf:leap-window",
                "asOf:around-2028-02-29", "asOf:2028-02-29", "history:large", "history:tied-sentAt",
                "contact:at-asOf"));
        for (ZoneId zone : RandomProfiles.MAIN_ZONES) {
            required.add("zone:" + zone);
        }
        for (int days : new int[]{3, 7, 30}) {
            required.add("contact:exactly-asOf-minus-" + days + "d");
            required.add("contact:just-inside-" + days + "d");
        }
        Map<String, Integer> missing = required.stream()
                .filter(key -> coverage.getOrDefault(key, 0) < 3)
                .collect(Collectors.toMap(key -> key, key -> coverage.getOrDefault(key, 0), (a, b) -> a, TreeMap::new));
        assertThat(missing).as("parts of the policy the random population reached fewer than 3 times").isEmpty();
    }

    private static DecisionRequest parse(RandomProfiles.Profile profile) {
        try {
            JsonNode tree = JSON.readTree(JSON.writeValueAsString(profile.json()));
            return PARSER.parse(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Comparison

    private List<String> compare(ReferencePolicy.Result expected, DecisionResponse actual) {
        List<String> out = new ArrayList<>();
        same(out, "tier", expected.tier(), actual.tier());
        DecisionResponse.Coupon coupon = actual.coupon();
        if (coupon == null) {
            out.add("coupon: engine=null, reference=" + expected.couponType());
        } else {
            same(out, "coupon.type", expected.couponType(), coupon.type());
            number(out, "coupon.amountOff", expected.amountOff(), coupon.amountOff());
            number(out, "coupon.minSpend", expected.minSpend(), coupon.minSpend());
            number(out, "coupon.percentOff", expected.percentOff(), coupon.percentOff());
            same(out, "coupon.validHours", expected.validHours(), coupon.validHours());
            same(out, "coupon.category", expected.category(), coupon.category());
            same(out, "coupon.variant", expected.variant(), coupon.variant());
        }
        if (actual.frequencyCap() == null) {
            out.add("frequencyCap: engine=null, reference=" + expected.capMax() + "/" + expected.capPeriodDays());
        } else {
            same(out, "frequencyCap.maxMessages", expected.capMax(), actual.frequencyCap().maxMessages());
            same(out, "frequencyCap.periodDays", expected.capPeriodDays(), actual.frequencyCap().periodDays());
        }
        same(out, "eligible", expected.eligible(), actual.eligible());

        List<String> expectedHard = new ArrayList<>();
        List<String> expectedCaps = new ArrayList<>();
        for (ReferencePolicy.Suppression s : expected.suppressions()) {
            if (s.code() == SuppressionCode.FREQUENCY_CAP) {
                CampaignType type = "RECALL_TWO_IN_30_DAYS".equals(s.cap()) ? CampaignType.RECALL : null;
                expectedCaps.add(cap(s.cap(), s.maxMessages(), s.periodDays(), type, s.count(), expected.format(s.until())));
            } else {
                expectedHard.add(s.code() + (s.campaignId() == null ? "" : " " + s.campaignId()));
            }
        }
        List<String> actualHard = new ArrayList<>();
        List<String> actualCaps = new ArrayList<>();
        boolean capBeforeHard = false;
        for (DecisionResponse.SuppressionView s : actual.suppressions()) {
            if (s.code() == SuppressionCode.FREQUENCY_CAP) {
                actualCaps.add(cap(s.cap(), s.maxMessages(), s.periodDays(), s.campaignType(), s.count(), s.until()));
            } else {
                capBeforeHard |= !actualCaps.isEmpty();
                actualHard.add(s.code() + (s.campaignId() == null ? "" : " " + s.campaignId()));
            }
        }
        same(out, "suppressions (hard, in order)", expectedHard, actualHard);
        if (capBeforeHard) {
            out.add("suppressions: a frequency cap is listed before a hard suppression: " + actual.suppressions());
        }
        if (!expectedCaps.equals(actualCaps)) {
            if (expectedCaps.size() == actualCaps.size() && new HashSet<>(expectedCaps).equals(new HashSet<>(actualCaps))) {
                capOrderDifferences.add("engine " + actualCaps + " vs reference " + expectedCaps);
            } else {
                out.add("suppressions (caps): engine=" + actualCaps + ", reference=" + expectedCaps);
            }
        }
        same(out, "nextEligibleAt", expected.format(expected.nextEligibleAt()), actual.nextEligibleAt());
        String windowStart = actual.sendWindow() == null ? null : actual.sendWindow().start();
        String windowEnd = actual.sendWindow() == null ? null : actual.sendWindow().end();
        same(out, "sendWindow.start", expected.format(expected.windowStart()), windowStart);
        same(out, "sendWindow.end", expected.format(expected.windowEnd()), windowEnd);
        return out;
    }

    private static String cap(String name, Integer max, Integer days, CampaignType type, Integer count, String until) {
        return name + " " + max + "/" + days + "d" + (type == null ? "" : " " + type) + " count=" + count + " until=" + until;
    }

    private static void same(List<String> out, String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(field + ": engine=" + actual + ", reference=" + expected);
        }
    }

    private static void number(List<String> out, String field, BigDecimal expected, BigDecimal actual) {
        boolean equal = expected == null ? actual == null : actual != null && expected.compareTo(actual) == 0;
        if (!equal) {
            out.add(field + ": engine=" + actual + ", reference=" + expected);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Coverage of the population

    private void count(RandomProfiles.Profile profile, DecisionRequest request, ReferencePolicy.Result result) {
        hit("profiles");
        profile.tags().forEach(this::hit);
        ReferencePolicy.Facts facts = ReferencePolicy.facts(request);
        hit("tier:" + result.tier());
        hit("coupon:" + result.tier() + "/" + result.couponType()
                + (result.couponType() == CouponType.SECOND_ITEM_HALF_PRICE ? "/" + result.category() : "")
                + (result.variant() == null ? "" : "/" + result.variant()));
        hit("category:" + (request.favoriteCategory() == null ? "none" : request.favoriteCategory()));
        hit("recencyDays:" + bucket(facts.recencyDays(), 0, 1, 59, 60, 61, 89, 90, 91, 179, 180, 181));
        hit("intentDays:" + bucket(facts.intentDays(), 0, 13, 14, 15, 16));
        hit("birthdayInDays:" + bucket(facts.birthdayInDays(), 0, 1, 6, 7, 8, 9));
        if (request.birthday() != null && request.birthday().getMonthValue() == 2 && request.birthday().getDayOfMonth() == 29) {
            if (!Year.isLeap(facts.today().getYear())) {
                hit("birthday:02-29-in-common-year");
            }
            if (facts.birthdayInDays() == 0) {
                hit("birthday:02-29-today");
            }
        }
        if (facts.today().getMonthValue() == 2 && facts.today().getDayOfMonth() == 29) {
            hit("asOf:" + facts.today());
        }
        BigDecimal spend = request.spendLast365Days();
        hit("spend:" + (spend.compareTo(BigDecimal.valueOf(1999)) >= 0 && spend.compareTo(BigDecimal.valueOf(2001)) <= 0
                ? spend.stripTrailingZeros().toPlainString() : spend.compareTo(BigDecimal.valueOf(2000)) < 0 ? "low" : "high"));
        hit("ordersLast90Days:" + bucket(request.ordersLast90Days(), 0, 1, 2, 3));
        hit("orderCount:" + bucket(request.orderCount(), 0, 1, 2, 3));
        hit("campaign:" + request.campaign().type());

        boolean hard = false;
        int caps = 0;
        for (ReferencePolicy.Suppression s : result.suppressions()) {
            hit("suppression:" + s.code());
            if (s.code() == SuppressionCode.FREQUENCY_CAP) {
                caps++;
                hit("cap:" + s.cap());
                if (Objects.equals(s.count(), s.maxMessages())) {
                    hit("cap:" + s.cap() + ":count==max");
                }
            } else {
                hard = true;
            }
        }
        if (result.eligible()) {
            hit("eligible");
        } else if (hard) {
            hit("suppressed:hard");
            // Would a cap have applied? The engine must not list caps under a hard suppression.
            ReferencePolicy.Result unsuppressed = ReferencePolicy.decide(new DecisionRequest(request.customerId(),
                    request.asOf(), request.timezone(), true, false, Math.max(1, request.orderCount()),
                    request.ordersLast90Days(), request.spendLast365Days(),
                    request.lastPurchaseDate() != null ? request.lastPurchaseDate() : facts.today(),
                    request.lastCartActivityDate(), request.favoriteCategory(), request.birthday(),
                    new DecisionRequest.Campaign(null, request.campaign().type(), request.campaign().bigSale()),
                    request.contactHistory()));
            if (!unsuppressed.eligible()) {
                hit("suppressed:hard+would-be-capped");
            }
        } else {
            hit("suppressed:caps-only");
            for (ReferencePolicy.Suppression s : result.suppressions()) {
                hit("cap-only:" + s.cap());
            }
        }
        if (!hard && request.campaign().bigSale()) {
            ReferencePolicy.Result noBigSale = ReferencePolicy.decide(new DecisionRequest(request.customerId(),
                    request.asOf(), request.timezone(), request.smsConsent(), request.unsubscribed(),
                    request.orderCount(), request.ordersLast90Days(), request.spendLast365Days(),
                    request.lastPurchaseDate(), request.lastCartActivityDate(), request.favoriteCategory(),
                    request.birthday(), new DecisionRequest.Campaign(request.campaign().id(), request.campaign().type(), false),
                    request.contactHistory()));
            if (noBigSale.suppressions().stream().anyMatch(s -> "ONE_IN_7_DAYS".equals(s.cap()))) {
                hit("bigSale:ONE_IN_7_DAYS-would-apply");
            }
        }
        if (result.windowStart() != null) {
            ZoneId zone = request.timezone();
            Instant from = result.nextEligibleAt() != null ? result.nextEligibleAt() : request.asOf();
            hit(result.windowStart().equals(from) ? "window:starts-inside-window" : "window:starts-at-window-start");
            var localEnd = result.windowEnd().atZone(zone);
            String kind = switch (localEnd.getDayOfWeek()) {
                case SATURDAY, SUNDAY -> "weekend";
                default -> result.tier() == Tier.HIGH_VALUE ? "high-value-weekday"
                        : localEnd.getHour() == 13 ? "weekday-lunch" : "weekday-evening";
            };
            hit("window:" + kind);
            if (!zone.getRules().getOffset(result.windowStart()).equals(zone.getRules().getOffset(request.asOf()))) {
                hit("window:other-offset-than-asOf");
            }
            var day = localEnd.toLocalDate();
            if (!zone.getRules().getOffset(day.atStartOfDay(zone).toInstant())
                    .equals(zone.getRules().getOffset(day.plusDays(1).atStartOfDay(zone).toInstant()))) {
                hit("window:on-dst-transition-day");
            }
        }
        if (result.nextEligibleAt() != null && !request.timezone().getRules().getOffset(result.nextEligibleAt())
                .equals(request.timezone().getRules().getOffset(request.asOf()))) {
            hit("nextEligibleAt:other-offset-than-asOf");
        }
    }

    /** The value itself when it is one of the edges of interest, else "none" or "other". */
    private static String bucket(Integer value, int... edges) {
        if (value == null) {
            return "none";
        }
        for (int edge : edges) {
            if (value == edge) {
                return value.toString();
            }
        }
        return "other";
    }

    private void hit(String key) {
        coverage.merge(key, 1, Integer::sum);
    }
}
