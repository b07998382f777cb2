package dev.coupondecision.impact;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.request.DecisionRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic population of made-up customer profiles, for impact reports when no real population file is
 * configured. Profiles are drawn from one seeded generator at one fixed instant, so the same size always gives
 * the same profiles. The draws cover the whole range the tables test (no orders to many, recency 0 to 400 days,
 * spend 50 to 8000, birthdays near and far, favourite categories, promotions, recalls and big sales) rather
 * than the current thresholds, so that moving a threshold moves customers.
 */
public final class SyntheticPopulation {
    public static final Instant AS_OF = OffsetDateTime.parse("2026-11-20T12:00:00+08:00").toInstant();
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final long SEED = 20261120L;

    private static final String[] CATEGORIES = {"beauty", "daily", "books", "electronics", "fashion"};
    private static final String[] PAST_CAMPAIGNS = {"double11-2026", "winback-2026-10", "newsletter-2026-11"};
    private static final String CAMPAIGN = "double12-2026";
    private static final String RECALL_CAMPAIGN = "winback-2026-11";
    private static final String BIG_SALE_CAMPAIGN = "flash-2026-11-20";

    private final SplittableRandom random;
    private final LocalDate today = AS_OF.atZone(ZONE).toLocalDate();

    private SyntheticPopulation(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static Population generate(int size) {
        return generate(size, SEED);
    }

    public static Population generate(int size, long seed) {
        SyntheticPopulation generator = new SyntheticPopulation(seed);
        List<DecisionRequest> requests = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            requests.add(generator.profile(String.format("syn-%05d", i)));
        }
        return new Population("synthetic: " + size + " profiles, seed " + seed + ", asOf 2026-11-20T12:00:00+08:00",
                requests, 0, List.of());
    }

    private DecisionRequest profile(String customerId) {
        double lifecycle = random.nextDouble();
        int orderCount = lifecycle < 0.12 ? 0 : lifecycle < 0.22 ? 1 : 2 + random.nextInt(39);
        // Half of the buyers bought in the last 4 months, the others any time in the last 13
        Integer recency = orderCount == 0 ? null : random.nextBoolean() ? random.nextInt(121) : random.nextInt(401);
        int ordersLast90Days = recency == null || recency >= 90 ? 0 : 1 + random.nextInt(Math.min(orderCount, 8));
        BigDecimal spend = recency == null || recency > 365 ? BigDecimal.ZERO
                : BigDecimal.valueOf(Math.round(Math.exp(Math.log(50) + random.nextDouble() * Math.log(8000.0 / 50))));
        LocalDate lastPurchase = recency == null ? null : today.minusDays(recency);
        double cartChance = orderCount == 0 ? 0.5 : 0.3;
        LocalDate lastCart = random.nextDouble() < cartChance ? today.minusDays(random.nextInt(61)) : null;
        String favorite = random.nextBoolean() ? null : CATEGORIES[random.nextInt(CATEGORIES.length)];
        return new DecisionRequest(customerId, AS_OF, ZONE, random.nextDouble() < 0.93, random.nextDouble() < 0.03,
                orderCount, ordersLast90Days, spend, lastPurchase, lastCart, favorite, birthday(), campaign(),
                contactHistory());
    }

    /** 80% known; a fifth of those within the next two weeks, so that birthday rows are reached. */
    private MonthDay birthday() {
        if (random.nextDouble() >= 0.8) {
            return null;
        }
        int daysAhead = random.nextDouble() < 0.2 ? random.nextInt(14) : random.nextInt(365);
        return MonthDay.from(today.plusDays(daysAhead));
    }

    private DecisionRequest.Campaign campaign() {
        double kind = random.nextDouble();
        if (kind < 0.80) {
            return new DecisionRequest.Campaign(CAMPAIGN, CampaignType.PROMOTION, false);
        }
        if (kind < 0.95) {
            return new DecisionRequest.Campaign(RECALL_CAMPAIGN, CampaignType.RECALL, false);
        }
        return new DecisionRequest.Campaign(BIG_SALE_CAMPAIGN, CampaignType.PROMOTION, true);
    }

    /** 45% of customers were contacted 1 to 4 times in the last 40 days; a few already for this campaign. */
    private List<DecisionRequest.Contact> contactHistory() {
        if (random.nextDouble() >= 0.45) {
            return List.of();
        }
        int count = 1 + random.nextInt(4);
        List<DecisionRequest.Contact> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant sentAt = AS_OF.minus(Duration.ofMinutes(1 + random.nextInt(40 * 24 * 60)));
            boolean recall = random.nextDouble() < 0.25;
            String campaignId = random.nextDouble() < 0.05 ? CAMPAIGN : PAST_CAMPAIGNS[random.nextInt(PAST_CAMPAIGNS.length)];
            contacts.add(new DecisionRequest.Contact(sentAt, recall ? CampaignType.RECALL : CampaignType.PROMOTION,
                    campaignId));
        }
        return contacts;
    }
}
