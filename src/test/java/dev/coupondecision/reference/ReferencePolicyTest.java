package dev.coupondecision.reference;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.request.DecisionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle itself, on examples worked out by hand from the policy text, so that the property test's
 * agreement means something even where the engine and the reference could share a misreading.
 */
class ReferencePolicyTest {

    @ParameterizedTest(name = "{0} -> bucket {1}")
    @CsvSource({
            // first four bytes of sha256("churned-offer:" + id), from `printf ... | sha256sum`
            "c-1001, 9",   // 16136c7d
            "c-1002, 44",  // 1c2a9528
            "c-1003, 73",  // 4d5cd119
            "c-2, 34",     // d96b7b16
    })
    void churnedBucket(String customerId, int bucket) {
        assertThat(ReferencePolicy.churnedBucket(customerId)).isEqualTo(bucket);
    }

    @Test
    void highValueNearBirthdayCappedByTierUntilTuesdayEveningWindow() {
        // Friday 2026-11-20 12:00 in Shanghai; four messages in the last 30 days, none in the last 7.
        DecisionRequest request = new DecisionRequest("c-1001", at("2026-11-20T12:00:00+08:00"),
                ZoneId.of("Asia/Shanghai"), true, false, 5, 3, new BigDecimal("2500"), LocalDate.of(2026, 11, 1),
                null, null, MonthDay.of(11, 25), DecisionRequest.Campaign.DEFAULT, List.of(
                contact("2026-11-01T10:00:00+08:00", CampaignType.PROMOTION),
                contact("2026-11-05T10:00:00+08:00", CampaignType.PROMOTION),
                contact("2026-11-10T10:00:00+08:00", CampaignType.RECALL),
                contact("2026-11-12T09:30:00+08:00", CampaignType.PROMOTION)));
        ReferencePolicy.Result r = ReferencePolicy.decide(request);

        assertThat(r.tier()).isEqualTo(Tier.HIGH_VALUE);
        assertThat(r.couponType()).isEqualTo(CouponType.BIRTHDAY);
        assertThat(r.amountOff()).isEqualByComparingTo("50");
        assertThat(r.minSpend()).isEqualByComparingTo("0");
        assertThat(r.percentOff()).isNull();
        assertThat(r.validHours()).isEqualTo(168);
        assertThat(r.category()).isEqualTo("all");
        assertThat(r.variant()).isNull();
        assertThat(r.capMax()).isEqualTo(4);
        assertThat(r.eligible()).isFalse();
        assertThat(r.suppressions()).containsExactly(new ReferencePolicy.Suppression(SuppressionCode.FREQUENCY_CAP,
                "TIER", 4, 30, 4, at("2026-12-01T10:00:00+08:00"), null));
        assertThat(r.format(r.nextEligibleAt())).isEqualTo("2026-12-01T10:00:00+08:00");
        assertThat(r.format(r.windowStart())).isEqualTo("2026-12-01T20:00:00+08:00");
        assertThat(r.format(r.windowEnd())).isEqualTo("2026-12-01T21:30:00+08:00");
    }

    @Test
    void atRiskRecallInBerlinFreesAcrossTheFallBack() {
        // Saturday 2026-10-24 18:00 CEST; clocks go back on Sunday 2026-10-25. Big sale: no 1-in-7 cap.
        DecisionRequest request = new DecisionRequest("c-7", at("2026-10-24T18:00:00+02:00"),
                ZoneId.of("Europe/Berlin"), true, false, 2, 0, BigDecimal.ZERO, LocalDate.of(2026, 8, 10),
                null, "books", null, new DecisionRequest.Campaign("cmp-9", CampaignType.RECALL, true), List.of(
                contact("2026-10-20T09:00:00+02:00", CampaignType.RECALL),
                contact("2026-10-22T19:00:00+02:00", CampaignType.RECALL),
                contact("2026-10-23T08:00:00+02:00", CampaignType.PROMOTION)));
        ReferencePolicy.Result r = ReferencePolicy.decide(request);

        assertThat(r.tier()).isEqualTo(Tier.AT_RISK); // 75 days
        assertThat(r.couponType()).isEqualTo(CouponType.NO_THRESHOLD);
        assertThat(r.amountOff()).isEqualByComparingTo("20");
        assertThat(r.validHours()).isEqualTo(72);
        assertThat(r.category()).isEqualTo("books");
        assertThat(r.suppressions()).extracting(ReferencePolicy.Suppression::cap, ReferencePolicy.Suppression::count,
                s -> r.format(s.until())).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TIER", 3, "2026-11-21T18:00:00+01:00"),
                org.assertj.core.groups.Tuple.tuple("TWO_IN_3_DAYS", 2, "2026-10-25T18:00:00+01:00"),
                org.assertj.core.groups.Tuple.tuple("RECALL_TWO_IN_30_DAYS", 2, "2026-11-19T08:00:00+01:00"));
        assertThat(r.format(r.nextEligibleAt())).isEqualTo("2026-11-21T18:00:00+01:00");
        // Saturday's window is over by 18:00: Sunday morning, in winter time.
        assertThat(r.format(r.windowStart())).isEqualTo("2026-11-22T10:00:00+01:00");
        assertThat(r.format(r.windowEnd())).isEqualTo("2026-11-22T12:00:00+01:00");
    }

    @Test
    void churnedVariantsFollowTheBucket() {
        ReferencePolicy.Result a = ReferencePolicy.decide(churned("c-1002")); // bucket 44
        assertThat(a.couponType()).isEqualTo(CouponType.SPEND_AND_SAVE);
        assertThat(a.variant()).isEqualTo("A");
        assertThat(a.amountOff()).isEqualByComparingTo("20");
        assertThat(a.minSpend()).isEqualByComparingTo("100");
        assertThat(a.validHours()).isEqualTo(24);
        ReferencePolicy.Result b = ReferencePolicy.decide(churned("c-1003")); // bucket 73
        assertThat(b.variant()).isEqualTo("B");
        assertThat(b.amountOff()).isEqualByComparingTo("40");
        assertThat(b.minSpend()).isEqualByComparingTo("150");
        assertThat(b.tier()).isEqualTo(Tier.CHURNED);
        assertThat(b.capMax()).isEqualTo(2);
        // Eligible now (Friday 2026-11-20 12:00 in Shanghai is inside the lunch window).
        assertThat(b.eligible()).isTrue();
        assertThat(b.format(b.windowStart())).isEqualTo("2026-11-20T12:00:00+08:00");
        assertThat(b.format(b.windowEnd())).isEqualTo("2026-11-20T13:00:00+08:00");
    }

    @Test
    void everyHardSuppressionInOrderAndNoCapsUnderThem() {
        DecisionRequest request = new DecisionRequest("c-1", at("2026-11-20T12:00:00+08:00"), ZoneId.of("Asia/Shanghai"),
                false, true, 0, 0, BigDecimal.ZERO, null, LocalDate.of(2026, 10, 1), null, null,
                new DecisionRequest.Campaign("cmp-1", CampaignType.RECALL, false), List.of(
                new DecisionRequest.Contact(at("2026-11-20T11:00:00+08:00"), CampaignType.RECALL, "cmp-1"),
                new DecisionRequest.Contact(at("2026-11-20T10:00:00+08:00"), CampaignType.RECALL, null)));
        ReferencePolicy.Result r = ReferencePolicy.decide(request);
        assertThat(r.tier()).isEqualTo(Tier.COLD_LEAD);
        assertThat(r.couponType()).isEqualTo(CouponType.NONE);
        assertThat(r.category()).isNull();
        assertThat(r.validHours()).isNull();
        assertThat(r.capMax()).isZero();
        assertThat(r.suppressions()).extracting(ReferencePolicy.Suppression::code).containsExactly(
                SuppressionCode.NO_CONSENT, SuppressionCode.UNSUBSCRIBED, SuppressionCode.NO_OFFER,
                SuppressionCode.DUPLICATE_CAMPAIGN);
        assertThat(r.nextEligibleAt()).isNull();
        assertThat(r.windowStart()).isNull();
        assertThat(r.windowEnd()).isNull();
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            "2026-11-20T04:00:00.999Z, UTC, 2026-11-20T04:00:00Z",
            "2026-11-20T04:00:00Z, Europe/London, 2026-11-20T04:00:00Z",
            "2026-11-20T04:00:00Z, Asia/Kathmandu, 2026-11-20T09:45:00+05:45",
            "2026-11-20T04:00:00Z, America/St_Johns, 2026-11-20T00:30:00-03:30",
            "2026-07-20T04:00:00Z, America/St_Johns, 2026-07-20T01:30:00-02:30",
            "2026-11-20T04:00:00Z, Australia/Lord_Howe, 2026-11-20T15:00:00+11:00",
            "2026-07-20T04:00:00Z, Australia/Lord_Howe, 2026-07-20T14:30:00+10:30",
            "0999-01-01T00:00:00Z, UTC, 0999-01-01T00:00:00Z",
    })
    void formatsToTheSecondInTheZonesOffset(String instant, String zone, String expected) {
        assertThat(ReferencePolicy.format(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(expected);
    }

    private static DecisionRequest churned(String id) {
        return new DecisionRequest(id, at("2026-11-20T12:00:00+08:00"), ZoneId.of("Asia/Shanghai"), true, false, 3, 0,
                BigDecimal.ZERO, LocalDate.of(2026, 5, 1), null, null, null, DecisionRequest.Campaign.DEFAULT, List.of());
    }

    private static DecisionRequest.Contact contact(String sentAt, CampaignType type) {
        return new DecisionRequest.Contact(at(sentAt), type, null);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
