package dev.coupondecision.decisionlog;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.outcome.Outcome;
import dev.coupondecision.outcome.OutcomeStore;
import dev.coupondecision.outcome.OutcomeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision log and outcome tables on H2 and on PostgreSQL: the same SQL must mean the same on both. */
class DecisionLogStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-18T04:00:00Z");

    private static LogEntry entry(String id, String customer, String campaign, Instant at, boolean holdout) {
        return new LogEntry(id, at, customer, campaign, "RECALL", "v1", "{\"customerId\":\"" + customer + "\"}",
                "a".repeat(64), !holdout, holdout, "ACTIVE", "SPEND_AND_SAVE", new BigDecimal("30.00"), null, null, null,
                "Active spend and save", "coupons.xlsx › Coupons › row 15", "{\"decisionId\":\"" + id + "\"}");
    }

    private static String id(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }

    @ParameterizedTest
    @EnumSource(LoopDatabase.class)
    void decisionsAreWrittenOnceAndReadBackNewestFirst(LoopDatabase database) {
        DecisionLogStore store = new DecisionLogStore(database.migrated());
        assertThat(store.insert(List.of(entry(id(1), "c-1", "cmp", T0, false), entry(id(2), "c-1", "cmp", T0.plusSeconds(60), true),
                entry(id(3), "c-2", null, T0, false)))).isEqualTo(3);
        // a repeated decision (same id) in a batch with a new one: the new one is written, the repeat kept as it was
        assertThat(store.insert(List.of(entry(id(2), "c-1", "cmp", T0.plusSeconds(999), false),
                entry(id(4), "c-1", "cmp", T0.plusSeconds(120), false)))).isEqualTo(1);

        StoredDecision second = store.find(id(2)).orElseThrow();
        assertThat(second.decidedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(second.holdout()).isTrue();
        assertThat(second.request()).isEqualTo("{\"customerId\":\"c-1\"}");
        assertThat(store.find(id(9))).isEmpty();

        assertThat(store.byCustomer("c-1", Instant.EPOCH, T0.plusSeconds(3600), 10)).extracting(StoredDecision::decisionId)
                .containsExactly(id(4), id(2), id(1));
        assertThat(store.byCustomer("c-1", T0.plusSeconds(60), T0.plusSeconds(120), 10)).extracting(StoredDecision::decisionId)
                .containsExactly(id(2));
        assertThat(store.byCustomer("c-1", Instant.EPOCH, T0.plusSeconds(3600), 2)).hasSize(2);
        assertThat(store.decidedBetween(T0, T0.plusSeconds(61), 10)).extracting(StoredDecision::decisionId)
                .containsExactly(id(1), id(3), id(2));

        List<CampaignDecision> campaign = store.campaign("cmp");
        assertThat(campaign).extracting(CampaignDecision::customerId).containsExactly("c-1", "c-1", "c-1");
        assertThat(campaign.get(0).amountOff()).isEqualByComparingTo("30");
        assertThat(campaign.get(0).couponSource()).isEqualTo("coupons.xlsx › Coupons › row 15");
        assertThat(store.campaigns()).singleElement().satisfies(c -> {
            assertThat(c.campaignId()).isEqualTo("cmp");
            assertThat(c.decisions()).isEqualTo(3);
            assertThat(c.lastDecidedAt()).isEqualTo(T0.plusSeconds(120));
        });

        assertThat(store.deleteDecidedBefore(T0.plusSeconds(60))).isEqualTo(2);
        assertThat(store.find(id(1))).isEmpty();
        assertThat(store.find(id(2))).isPresent();
    }

    @ParameterizedTest
    @EnumSource(LoopDatabase.class)
    void repeatsWithinABatchAndOfEarlierBatchesAreSkippedAndTheFirstIsKept(LoopDatabase database) {
        DecisionLogStore store = new DecisionLogStore(database.migrated());
        LogEntry first = entry(id(1), "c-1", "cmp", T0, true);
        LogEntry repeat = entry(id(1), "c-9", "other", T0.plusSeconds(5), false);
        assertThat(store.insert(List.of(first, repeat, entry(id(2), "c-2", "cmp", T0, false), repeat))).isEqualTo(2);
        assertThat(store.insert(List.of(repeat, entry(id(2), "c-2", "cmp", T0, false)))).isZero();
        assertThat(store.insert(List.of(repeat, entry(id(3), "c-3", null, T0, false)))).isEqualTo(1);

        StoredDecision kept = store.find(id(1)).orElseThrow();
        assertThat(kept.customerId()).isEqualTo("c-1");
        assertThat(kept.campaignId()).isEqualTo("cmp");
        assertThat(kept.decidedAt()).isEqualTo(T0);
        assertThat(kept.holdout()).isTrue();
        assertThat(store.campaign("cmp")).hasSize(2);
        assertThat(store.find(id(3)).orElseThrow().campaignId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(LoopDatabase.class)
    void outcomesAreIdempotentAndSendsAreTheContactHistory(LoopDatabase database) {
        DataSource dataSource = database.migrated();
        DecisionLogStore decisions = new DecisionLogStore(dataSource);
        OutcomeStore outcomes = new OutcomeStore(dataSource, Clock.fixed(T0, ZoneOffset.UTC));
        decisions.insert(List.of(entry(id(1), "c-1", "recall-1", T0, false)));

        Outcome sentRecall = new Outcome(null, "c-1", "recall-1", OutcomeType.SENT, T0.plusSeconds(10), null, null);
        Outcome sentPromo = new Outcome(id(7), "c-1", "promo-1", OutcomeType.SENT, T0.plusSeconds(20), null, CampaignType.PROMOTION);
        Outcome sentUnknown = new Outcome(null, "c-1", "never-decided", OutcomeType.SENT, T0.plusSeconds(30), null, null);
        Outcome redeemed = new Outcome(null, "c-1", "recall-1", OutcomeType.REDEEMED, T0.plusSeconds(40), new BigDecimal("99.90"), null);
        assertThat(outcomes.record(List.of(sentRecall, sentPromo, sentUnknown, redeemed))).isEqualTo(new OutcomeStore.Recorded(4, 0));
        assertThat(outcomes.record(List.of(sentRecall, new Outcome(null, "c-1", "recall-1", OutcomeType.SENT,
                T0.plusSeconds(11), null, null)))).isEqualTo(new OutcomeStore.Recorded(1, 1));

        List<DecisionRequest.Contact> sent = outcomes.sentTo("c-1", T0, T0.plusSeconds(30), 10);
        assertThat(sent).containsExactly(
                new DecisionRequest.Contact(T0.plusSeconds(30), CampaignType.PROMOTION, "never-decided"), // no type known
                new DecisionRequest.Contact(T0.plusSeconds(20), CampaignType.PROMOTION, "promo-1"),
                new DecisionRequest.Contact(T0.plusSeconds(11), CampaignType.RECALL, "recall-1"), // from the logged decision
                new DecisionRequest.Contact(T0.plusSeconds(10), CampaignType.RECALL, "recall-1"));
        assertThat(outcomes.sentTo("c-1", T0.plusSeconds(10), T0.plusSeconds(29), 10)).hasSize(2); // (from, to]
        assertThat(outcomes.sentTo("c-1", T0, T0.plusSeconds(30), 1)).hasSize(1);
        assertThat(outcomes.sentTo("c-2", T0, T0.plusSeconds(30), 10)).isEmpty();

        assertThat(outcomes.campaign("recall-1")).extracting(OutcomeStore.CampaignOutcome::type)
                .containsExactlyInAnyOrder(OutcomeType.SENT, OutcomeType.SENT, OutcomeType.REDEEMED);
        assertThat(outcomes.deleteBefore(T0.plusSeconds(15))).isEqualTo(2);
    }
}
