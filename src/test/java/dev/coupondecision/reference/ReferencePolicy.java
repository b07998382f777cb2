package dev.coupondecision.reference;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.request.DecisionRequest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The default coupon policy written out in plain Java, with no Drools and nothing from {@code src/main} but the
 * request record and the fact enums: an independent oracle for the rules engine, the benchmark baseline, and the
 * body of a bare "floor" server. It is deliberately cheap: no reflection, no regular expressions, no
 * per-call allocation beyond the result and a sorted copy of the send times.
 *
 * <p>The policy, in the customer's zone: today = local date of asOf; recency/intent = days from the last
 * purchase / cart activity to today; birthdayInDays = days to the next MM-DD (02-29 on 02-28 in common years).
 * Tier, coupon, cap and windows by first match as in the default tables; hard suppressions NO_CONSENT,
 * UNSUBSCRIBED, NO_OFFER, DUPLICATE_CAMPAIGN; only without them the rolling caps TIER, TWO_IN_3_DAYS,
 * ONE_IN_7_DAYS (not in a big sale), RECALL_TWO_IN_30_DAYS (RECALL campaigns, RECALL messages only).
 */
public final class ReferencePolicy {

    /** One reason not to send. Caps carry their name, numbers, the count in the window and when they free. */
    public record Suppression(SuppressionCode code, String cap, Integer maxMessages, Integer periodDays,
                              Integer count, Instant until, String campaignId) {
        static Suppression hard(SuppressionCode code) {
            return new Suppression(code, null, null, null, null, null, null);
        }
    }

    /** The decision; {@code couponType} is NONE (never null) when no offer is made. */
    public record Result(Tier tier,
                         CouponType couponType, BigDecimal amountOff, BigDecimal minSpend, BigDecimal percentOff,
                         Integer validHours, String category, String variant,
                         int capMax, int capPeriodDays,
                         boolean eligible, List<Suppression> suppressions,
                         Instant nextEligibleAt, Instant windowStart, Instant windowEnd,
                         ZoneId zone) {

        /** An instant of this result as the API prints it: to the second, in the customer's offset. */
        public String format(Instant instant) {
            return ReferencePolicy.format(instant, zone);
        }
    }

    /** The derived facts, exposed for tests that want to see why a tier was chosen. */
    public record Facts(LocalDate today, Integer recencyDays, Integer intentDays, Integer birthdayInDays) {
    }

    private static final BigDecimal HIGH_VALUE_SPEND = BigDecimal.valueOf(2000);
    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal TEN = BigDecimal.valueOf(10);
    private static final BigDecimal FIFTEEN = BigDecimal.valueOf(15);
    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);
    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);
    private static final BigDecimal FORTY = BigDecimal.valueOf(40);
    private static final BigDecimal FIFTY = BigDecimal.valueOf(50);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HUNDRED_FIFTY = BigDecimal.valueOf(150);
    private static final BigDecimal TWO_HUNDRED = BigDecimal.valueOf(200);

    /** Local send windows [start, end), sorted by start. */
    private static final LocalTime[][] HIGH_VALUE_WEEKDAY = {{LocalTime.of(20, 0), LocalTime.of(21, 30)}};
    private static final LocalTime[][] HIGH_VALUE_WEEKEND = {{LocalTime.of(10, 0), LocalTime.of(12, 0)}};
    private static final LocalTime[][] DEFAULT_WEEKDAY = {
            {LocalTime.of(11, 30), LocalTime.of(13, 0)}, {LocalTime.of(17, 0), LocalTime.of(19, 0)}};
    private static final LocalTime[][] DEFAULT_WEEKEND = {{LocalTime.of(10, 0), LocalTime.of(12, 0)}};

    private static final byte[] CHURNED_EXPERIMENT = "churned-offer:".getBytes(StandardCharsets.UTF_8);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static final long SECONDS_PER_DAY = 86_400L;

    private ReferencePolicy() {
    }

    public static Facts facts(DecisionRequest request) {
        LocalDate today = LocalDateTime.ofInstant(request.asOf(), request.timezone()).toLocalDate();
        long todayEpochDay = today.toEpochDay();
        Integer recency = request.lastPurchaseDate() == null ? null
                : (int) (todayEpochDay - request.lastPurchaseDate().toEpochDay());
        Integer intent = request.lastCartActivityDate() == null ? null
                : (int) (todayEpochDay - request.lastCartActivityDate().toEpochDay());
        Integer birthday = request.birthday() == null ? null : birthdayInDays(request.birthday(), today);
        return new Facts(today, recency, intent, birthday);
    }

    /** Days from {@code today} to the next occurrence of the birthday (0 = today); 02-29 falls on 02-28 in common years. */
    public static int birthdayInDays(MonthDay birthday, LocalDate today) {
        int year = today.getYear();
        long next = occurrence(birthday, year);
        if (next < today.toEpochDay()) {
            next = occurrence(birthday, year + 1);
        }
        return (int) (next - today.toEpochDay());
    }

    private static long occurrence(MonthDay birthday, int year) {
        int month = birthday.getMonthValue();
        int day = birthday.getDayOfMonth();
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (month == 2 && day == 29 && !leap) {
            day = 28;
        }
        return LocalDate.of(year, month, day).toEpochDay();
    }

    public static Tier tier(DecisionRequest request, Facts facts) {
        Integer recency = facts.recencyDays();
        Integer intent = facts.intentDays();
        if (request.orderCount() == 0 && intent != null && intent <= 14) {
            return Tier.PROSPECT;
        }
        if (request.orderCount() == 0) {
            return Tier.COLD_LEAD;
        }
        if (recency != null && recency > 180) {
            return Tier.CHURNED;
        }
        if (recency != null && recency > 90) {
            return Tier.DORMANT;
        }
        if (recency != null && recency > 60) {
            return Tier.AT_RISK;
        }
        if (request.ordersLast90Days() >= 3 && request.spendLast365Days().compareTo(HIGH_VALUE_SPEND) >= 0) {
            return Tier.HIGH_VALUE;
        }
        if (request.orderCount() == 1) {
            return Tier.NEW;
        }
        return Tier.ACTIVE;
    }

    /** A/B bucket 0-99: the first four bytes of SHA-256("churned-offer:" + customerId), unsigned big-endian, mod 100. */
    public static int churnedBucket(String customerId) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        sha.update(CHURNED_EXPERIMENT);
        byte[] hash = sha.digest(customerId.getBytes(StandardCharsets.UTF_8));
        long value = ((long) (hash[0] & 0xFF) << 24) | ((hash[1] & 0xFF) << 16) | ((hash[2] & 0xFF) << 8) | (hash[3] & 0xFF);
        return (int) (value % 100);
    }

    public static Result decide(DecisionRequest request) {
        ZoneId zone = request.timezone();
        Facts facts = facts(request);
        Tier tier = tier(request, facts);

        // Coupon: first matching row.
        CouponType type;
        BigDecimal amountOff = null;
        BigDecimal minSpend = null;
        BigDecimal percentOff = null;
        Integer validHours;
        String variant = null;
        String favorite = request.favoriteCategory();
        Integer birthdayInDays = facts.birthdayInDays();
        switch (tier) {
            case HIGH_VALUE -> {
                if (birthdayInDays != null && birthdayInDays <= 7) {
                    type = CouponType.BIRTHDAY;
                    amountOff = FIFTY;
                    minSpend = ZERO;
                } else {
                    type = CouponType.MEMBER_DISCOUNT;
                    percentOff = FIFTEEN;
                }
                validHours = 168;
            }
            case ACTIVE -> {
                if ("beauty".equals(favorite) || "daily".equals(favorite)) {
                    type = CouponType.SECOND_ITEM_HALF_PRICE;
                    percentOff = FIFTY;
                } else {
                    type = CouponType.SPEND_AND_SAVE;
                    amountOff = THIRTY;
                    minSpend = TWO_HUNDRED;
                }
                validHours = 168;
            }
            case NEW -> {
                type = CouponType.NO_THRESHOLD;
                amountOff = TEN;
                minSpend = ZERO;
                validHours = 168;
            }
            case PROSPECT, AT_RISK -> {
                type = CouponType.NO_THRESHOLD;
                amountOff = TWENTY;
                minSpend = ZERO;
                validHours = 72;
            }
            case DORMANT -> {
                type = CouponType.NO_THRESHOLD;
                amountOff = THIRTY;
                minSpend = ZERO;
                validHours = 48;
            }
            case CHURNED -> {
                type = CouponType.SPEND_AND_SAVE;
                if (churnedBucket(request.customerId()) < 50) {
                    amountOff = TWENTY;
                    minSpend = HUNDRED;
                    variant = "A";
                } else {
                    amountOff = FORTY;
                    minSpend = HUNDRED_FIFTY;
                    variant = "B";
                }
                validHours = 24;
            }
            default -> { // COLD_LEAD
                type = CouponType.NONE;
                validHours = null;
            }
        }
        String category = type == CouponType.NONE ? null : favorite != null ? favorite : "all";

        int capMax;
        switch (tier) {
            case HIGH_VALUE, ACTIVE -> capMax = 4;
            case NEW -> capMax = 3;
            case COLD_LEAD -> capMax = 0;
            default -> capMax = 2;
        }
        int capPeriod = 30;

        // Eligibility.
        List<Suppression> suppressions = new ArrayList<>(4);
        if (!request.smsConsent()) {
            suppressions.add(Suppression.hard(SuppressionCode.NO_CONSENT));
        }
        if (request.unsubscribed()) {
            suppressions.add(Suppression.hard(SuppressionCode.UNSUBSCRIBED));
        }
        if (type == CouponType.NONE) {
            suppressions.add(Suppression.hard(SuppressionCode.NO_OFFER));
        }
        String campaignId = request.campaign().id();
        if (campaignId != null) {
            for (DecisionRequest.Contact contact : request.contactHistory()) {
                if (campaignId.equals(contact.campaignId())) {
                    suppressions.add(new Suppression(SuppressionCode.DUPLICATE_CAMPAIGN, null, null, null, null, null,
                            campaignId));
                    break;
                }
            }
        }
        boolean hard = !suppressions.isEmpty();
        boolean neverFrees = false;
        Instant nextEligibleAt = null;
        if (!hard) {
            List<DecisionRequest.Contact> history = request.contactHistory();
            int n = history.size();
            Instant asOf = request.asOf();
            int recalls = 0;
            for (DecisionRequest.Contact contact : history) {
                if (contact.campaignType() == CampaignType.RECALL) {
                    recalls++;
                }
            }
            Instant[] all = new Instant[n];
            Instant[] recall = new Instant[recalls];
            int i = 0;
            int r = 0;
            for (DecisionRequest.Contact contact : history) {
                all[i++] = contact.sentAt();
                if (contact.campaignType() == CampaignType.RECALL) {
                    recall[r++] = contact.sentAt();
                }
            }
            Arrays.sort(all); // oldest first
            Arrays.sort(recall);
            addCap(suppressions, "TIER", capMax, capPeriod, all, asOf);
            addCap(suppressions, "TWO_IN_3_DAYS", 2, 3, all, asOf);
            if (!request.campaign().bigSale()) {
                addCap(suppressions, "ONE_IN_7_DAYS", 1, 7, all, asOf);
            }
            if (request.campaign().type() == CampaignType.RECALL) {
                addCap(suppressions, "RECALL_TWO_IN_30_DAYS", 2, 30, recall, asOf);
            }
            for (Suppression cap : suppressions) {
                if (cap.until() == null) {
                    neverFrees = true;
                } else if (nextEligibleAt == null || cap.until().isAfter(nextEligibleAt)) {
                    nextEligibleAt = cap.until();
                }
            }
            if (neverFrees) {
                nextEligibleAt = null;
            }
        }

        Instant windowStart = null;
        Instant windowEnd = null;
        if (!hard && !neverFrees) {
            Instant from = nextEligibleAt != null ? nextEligibleAt : request.asOf();
            boolean highValue = tier == Tier.HIGH_VALUE;
            LocalDate date = LocalDateTime.ofInstant(from, zone).toLocalDate();
            search:
            for (int day = 0; day < 8; day++, date = date.plusDays(1)) {
                DayOfWeek dow = date.getDayOfWeek();
                boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
                LocalTime[][] windows = weekend
                        ? (highValue ? HIGH_VALUE_WEEKEND : DEFAULT_WEEKEND)
                        : (highValue ? HIGH_VALUE_WEEKDAY : DEFAULT_WEEKDAY);
                for (LocalTime[] window : windows) {
                    Instant end = LocalDateTime.of(date, window[1]).atZone(zone).toInstant();
                    if (end.isAfter(from)) {
                        Instant start = LocalDateTime.of(date, window[0]).atZone(zone).toInstant();
                        windowStart = start.isAfter(from) ? start : from;
                        windowEnd = end;
                        break search;
                    }
                }
            }
        }

        return new Result(tier, type, amountOff, minSpend, percentOff, validHours, category, variant, capMax,
                capPeriod, suppressions.isEmpty(), List.copyOf(suppressions), nextEligibleAt, windowStart, windowEnd,
                zone);
    }

    /**
     * A rolling cap over {@code sentAt} (sorted oldest first): counts messages with sentAt > asOf - period;
     * reached when count >= max; frees when the max-th most recent counted message leaves the window.
     */
    private static void addCap(List<Suppression> out, String name, int max, int periodDays, Instant[] oldestFirst,
                               Instant asOf) {
        Duration period = Duration.ofSeconds(periodDays * SECONDS_PER_DAY);
        Instant windowStart = asOf.minus(period);
        int count = 0;
        for (int i = oldestFirst.length - 1; i >= 0 && oldestFirst[i].isAfter(windowStart); i--) {
            count++;
        }
        if (count < max) {
            return;
        }
        Instant until = max == 0 ? null : oldestFirst[oldestFirst.length - max].plus(period);
        out.add(new Suppression(SuppressionCode.FREQUENCY_CAP, name, max, periodDays, count, until, null));
    }

    /** ISO-8601 to the second in the zone's offset at that instant ("Z" for a zero offset), or null. */
    public static String format(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        ZoneOffset offset = zone.getRules().getOffset(seconds);
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds.getEpochSecond(), 0, offset);
        StringBuilder out = new StringBuilder(25);
        int year = local.getYear();
        pad(out, year, 4).append('-');
        pad(out, local.getMonthValue(), 2).append('-');
        pad(out, local.getDayOfMonth(), 2).append('T');
        pad(out, local.getHour(), 2).append(':');
        pad(out, local.getMinute(), 2).append(':');
        pad(out, local.getSecond(), 2);
        int total = offset.getTotalSeconds();
        if (total == 0) {
            return out.append('Z').toString();
        }
        out.append(total < 0 ? '-' : '+');
        int abs = Math.abs(total);
        pad(out, abs / 3600, 2).append(':');
        pad(out, (abs / 60) % 60, 2);
        if (abs % 60 != 0) {
            out.append(':');
            pad(out, abs % 60, 2);
        }
        return out.toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
