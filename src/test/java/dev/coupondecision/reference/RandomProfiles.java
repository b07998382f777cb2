package dev.coupondecision.reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.decision.facts.Tier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Random but valid decision requests (as JSON), biased towards the policy's edges: every tier is aimed at,
 * with day counts, order counts and spend on both sides of each threshold; birthdays near today and on 02-29;
 * zones with daylight saving, asOf on and around transition days and around 2028-02-29; contact histories
 * placed exactly on, just inside and just outside each cap's rolling window. Each profile also carries tags
 * naming the edges its generator aimed at, so a test can check they were hit.
 */
public final class RandomProfiles {

    /** A generated request and what the generator aimed at. */
    public record Profile(ObjectNode json, Set<String> tags) {
        @Override
        public String toString() {
            return json.toString();
        }
    }

    public static final List<ZoneId> DST_ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Pacific/Auckland"));
    public static final List<ZoneId> MAIN_ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Shanghai"), ZoneId.of("Pacific/Auckland"));
    /** Odd offsets: zero ("Z"), half and three-quarter hours, a 30-minute DST shift, a date-line zone. */
    private static final List<ZoneId> OTHER_ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/London"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/St_Johns"));

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2030, 12, 31);
    private static final Map<ZoneId, List<ZoneOffsetTransition>> TRANSITIONS = new HashMap<>();

    static {
        for (ZoneId zone : concat(MAIN_ZONES, OTHER_ZONES)) {
            ZoneRules rules = zone.getRules();
            List<ZoneOffsetTransition> list = new ArrayList<>();
            Instant end = LAST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
            ZoneOffsetTransition t = rules.nextTransition(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant());
            while (t != null && t.getInstant().isBefore(end)) {
                list.add(t);
                t = rules.nextTransition(t.getInstant());
            }
            TRANSITIONS.put(zone, List.copyOf(list));
        }
    }

    /** Local times where windows open and close (10:00-12:00, 11:30-13:00, 17:00-19:00, 20:00-21:30), and odd ones. */
    private static final LocalTime[] NOTABLE_TIMES = times("00:00", "00:00:01", "01:30", "02:30", "03:00", "09:59:59",
            "10:00", "10:00:01", "11:29:59", "11:30", "11:59:59", "12:00", "12:00:01", "12:59:59", "13:00", "16:59:59",
            "17:00", "18:59:59", "19:00", "19:59:59", "20:00", "21:29:59", "21:30", "21:30:01", "23:59:59");

    private static final String[] CATEGORIES = {"beauty", "daily", "books", "home-garden", "toys_2"};
    private static final String[] CAMPAIGN_IDS = {"cmp-1", "cmp-2", "cmp-3", "spring.sale:2027", "w_back-9"};
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-";
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Tier[] TIERS = Tier.values();
    private static final int MAX_HISTORY = 1000;

    private RandomProfiles() {
    }

    public static Profile next(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        Set<String> tags = new TreeSet<>();

        // Customer id: mostly short, sometimes long or with every allowed punctuation character.
        String customerId;
        if (r.nextInt(4) == 0) {
            StringBuilder id = new StringBuilder();
            int length = r.nextInt(10) == 0 ? 64 : 1 + r.nextInt(20);
            for (int i = 0; i < length; i++) {
                id.append(ID_CHARS.charAt(r.nextInt(ID_CHARS.length())));
            }
            customerId = id.toString();
        } else {
            customerId = "c-" + r.nextInt(1_000_000);
        }
        json.put("customerId", customerId);

        // Zone and asOf.
        ZoneId zone = pick(r, 75) ? MAIN_ZONES.get(r.nextInt(MAIN_ZONES.size())) : OTHER_ZONES.get(r.nextInt(OTHER_ZONES.size()));
        tags.add("zone:" + zone);
        Instant asOf = asOf(r, zone, tags);
        json.put("asOf", instantText(r, asOf, zone));
        json.put("timezone", zone.getId());
        LocalDate today = asOf.atZone(zone).toLocalDate();
        if (isTransitionDay(zone, today)) {
            tags.add("asOf:dst-transition-day");
        }
        if (!today.isBefore(LocalDate.of(2028, 2, 26)) && !today.isAfter(LocalDate.of(2028, 3, 2))) {
            tags.add("asOf:around-2028-02-29");
        }

        // Consent.
        json.put("smsConsent", !pick(r, 12));
        int unsubscribed = r.nextInt(10);
        if (unsubscribed == 0) {
            json.put("unsubscribed", true);
        } else if (unsubscribed < 4) {
            json.put("unsubscribed", false);
        }

        // Purchase facts, aimed at one tier (or free) and at the thresholds around it.
        int aim = r.nextInt(TIERS.length + 1);
        Tier target = aim < TIERS.length ? TIERS[aim] : null;
        int orderCount;
        int ordersLast90;
        Integer recency = null;
        Integer intent = null;
        BigDecimal spend;
        switch (target == null ? "FREE" : target.name()) {
            case "PROSPECT" -> {
                orderCount = 0;
                ordersLast90 = 0;
                intent = oneOf(r, 0, 1, 7, 13, 14, 14, 14);
            }
            case "COLD_LEAD" -> {
                orderCount = 0;
                ordersLast90 = 0;
                intent = pick(r, 40) ? null : oneOf(r, 15, 15, 15, 16, 30, 365, 2000);
            }
            case "CHURNED" -> {
                orderCount = someOrderCount(r);
                ordersLast90 = r.nextInt(Math.min(orderCount, 4) + 1);
                recency = oneOf(r, 181, 181, 181, 182, 200, 365, 366, 1000, 3000);
            }
            case "DORMANT" -> {
                orderCount = someOrderCount(r);
                ordersLast90 = r.nextInt(Math.min(orderCount, 4) + 1);
                recency = oneOf(r, 91, 91, 91, 100, 150, 179, 180, 180, 180);
            }
            case "AT_RISK" -> {
                orderCount = someOrderCount(r);
                ordersLast90 = r.nextInt(Math.min(orderCount, 4) + 1);
                recency = oneOf(r, 61, 61, 61, 70, 89, 90, 90, 90);
            }
            case "HIGH_VALUE" -> {
                ordersLast90 = oneOf(r, 3, 3, 3, 4, 7, 25);
                orderCount = ordersLast90 + oneOf(r, 0, 0, 1, 5, 100);
                recency = activeRecency(r);
            }
            case "NEW" -> {
                orderCount = 1;
                ordersLast90 = r.nextInt(2);
                recency = activeRecency(r);
            }
            case "ACTIVE" -> {
                orderCount = oneOf(r, 2, 2, 2, 3, 4, 10, 57);
                ordersLast90 = r.nextInt(Math.min(orderCount, 5) + 1);
                recency = activeRecency(r);
            }
            default -> {
                orderCount = oneOf(r, 0, 0, 1, 1, 2, 2, 3, 4, 5, 12, 300);
                ordersLast90 = r.nextInt(Math.min(orderCount, 6) + 1);
                recency = orderCount == 0 ? null
                        : oneOf(r, 0, 1, 59, 60, 61, 89, 90, 91, 179, 180, 181, 400, r.nextInt(3000));
                intent = pick(r, 50) ? null : oneOf(r, 0, 13, 14, 15, 16, r.nextInt(1000));
            }
        }
        if (target == Tier.HIGH_VALUE) {
            spend = oneOfDecimal(r, "2000", "2000", "2000.00", "2000.01", "2500", "99999.99");
        } else if (target == Tier.ACTIVE && ordersLast90 >= 3) {
            spend = oneOfDecimal(r, "0", "1999", "1999.99", "1999.99", "150.5");
        } else {
            spend = pick(r, 15) ? null : oneOfDecimal(r, "0", "12.34", "199.9", "1999.99", "2000", "2000.01",
                    "3000", "12345.678");
        }
        if (intent == null && target != null && target != Tier.COLD_LEAD && pick(r, 40)) {
            intent = oneOf(r, 0, 14, 15, 60, r.nextInt(500));
        }
        json.put("orderCount", orderCount);
        if (ordersLast90 > 0 || pick(r, 50)) {
            json.put("ordersLast90Days", ordersLast90);
        }
        if (spend != null) {
            json.put("spendLast365Days", spend);
        }
        if (recency != null) {
            json.put("lastPurchaseDate", today.minusDays(recency).toString());
        }
        if (intent != null) {
            json.put("lastCartActivityDate", today.minusDays(intent).toString());
        }

        // Favourite category: beauty / daily / books / other / none.
        int category = r.nextInt(6);
        if (category < CATEGORIES.length) {
            json.put("favoriteCategory", CATEGORIES[category]);
        }

        // Birthday: near today (both sides of 7 days), 02-29, year ends, or anywhere.
        int birthdayKind = r.nextInt(10);
        MonthDay birthday = null;
        if (birthdayKind < 4) {
            birthday = MonthDay.from(today.plusDays(oneOf(r, 0, 0, 1, 6, 7, 7, 8, 8, 9, 30, 364, 365)));
        } else if (birthdayKind < 6) {
            birthday = MonthDay.of(2, 29);
        } else if (birthdayKind == 6) {
            birthday = anyOf(r, MonthDay.of(2, 28), MonthDay.of(3, 1), MonthDay.of(12, 31), MonthDay.of(1, 1));
        } else if (birthdayKind < 9) {
            birthday = MonthDay.from(LocalDate.ofEpochDay(r.nextInt(366)).withYear(2028));
        }
        if (birthday != null) {
            if (birthday.getMonthValue() == 2 && birthday.getDayOfMonth() == 29) {
                tags.add("birthday:02-29");
            }
            json.put("birthday", pick(r, 70) ? String.format("%02d-%02d", birthday.getMonthValue(), birthday.getDayOfMonth())
                    : birthday.atYear(oneOf(r, 1988, 1992, 2000)).toString());
        }

        // Campaign.
        String campaignId = null;
        boolean recallCampaign = false;
        if (!pick(r, 15)) {
            ObjectNode campaign = json.putObject("campaign");
            if (!pick(r, 30)) {
                campaignId = CAMPAIGN_IDS[r.nextInt(CAMPAIGN_IDS.length)];
                campaign.put("id", campaignId);
            }
            int type = r.nextInt(10);
            if (type < 4) {
                campaign.put("type", "RECALL");
                recallCampaign = true;
            } else if (type < 7) {
                campaign.put("type", "PROMOTION");
            }
            int bigSale = r.nextInt(4);
            if (bigSale == 0) {
                campaign.put("bigSale", true);
            } else if (bigSale == 1) {
                campaign.put("bigSale", false);
            }
        }

        // Contact history.
        List<Instant> sent = new ArrayList<>();
        int mode = r.nextInt(20);
        if (mode < 4) {
            // none
        } else if (mode < 8) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                sent.add(asOf.minusSeconds(r.nextInt(400 * 86_400)));
            }
        } else if (mode < 16) {
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                sent.add(edgeSentAt(r, asOf, tags));
            }
        } else if (mode < 19) {
            int n = 5 + r.nextInt(36);
            for (int i = 0; i < n; i++) {
                sent.add(asOf.minusSeconds(r.nextInt(45 * 86_400)));
            }
        } else {
            int n = r.nextInt(4) == 0 ? MAX_HISTORY : 200 + r.nextInt(600);
            for (int i = 0; i < n; i++) {
                sent.add(asOf.minusSeconds(r.nextInt(400 * 86_400)));
            }
            tags.add("history:large");
        }
        if (!sent.isEmpty() && sent.size() < MAX_HISTORY && pick(r, 10)) {
            sent.add(sent.get(r.nextInt(sent.size())));
            tags.add("history:tied-sentAt");
        }
        if (!sent.isEmpty() || pick(r, 50)) {
            ArrayNode history = json.putArray("contactHistory");
            int recallShare = recallCampaign ? 60 : 35;
            for (Instant at : sent) {
                ObjectNode contact = history.addObject();
                contact.put("sentAt", instantText(r, at, zone));
                contact.put("campaignType", pick(r, recallShare) ? "RECALL" : "PROMOTION");
                if (pick(r, 40)) {
                    contact.put("campaignId", CAMPAIGN_IDS[r.nextInt(CAMPAIGN_IDS.length)]);
                }
            }
            if (campaignId != null && pick(r, 8)) {
                ObjectNode duplicate = history.size() < MAX_HISTORY ? history.insertObject(r.nextInt(history.size() + 1))
                        : (ObjectNode) history.get(r.nextInt(history.size()));
                duplicate.put("sentAt", instantText(r, asOf.minusSeconds(r.nextInt(400 * 86_400)), zone));
                duplicate.put("campaignType", pick(r, 50) ? "RECALL" : "PROMOTION");
                duplicate.put("campaignId", campaignId);
            }
        }
        return new Profile(json, tags);
    }

    private static Instant asOf(Random r, ZoneId zone, Set<String> tags) {
        List<ZoneOffsetTransition> transitions = TRANSITIONS.get(zone);
        int mode = r.nextInt(100);
        if (mode < 35 && !transitions.isEmpty()) {
            ZoneOffsetTransition t = transitions.get(r.nextInt(transitions.size()));
            tags.add(t.isGap() ? "asOf:near-spring-forward" : "asOf:near-fall-back");
            if (pick(r, 40)) {
                // Right around the transition instant itself, or a few days either side.
                long offset = oneOfLong(r, -3 * 3600L, -3601L, -1L, 0L, 1L, 1800L, 3600L,
                        (long) (r.nextInt(7 * 86_400) - 3 * 86_400));
                return t.getInstant().plusSeconds(offset);
            }
            LocalDate day = t.getDateTimeBefore().toLocalDate().plusDays(oneOf(r, -2, -1, 0, 0, 0, 1));
            return at(r, day, zone);
        }
        if (mode < 50) {
            tags.add("asOf:leap-window");
            LocalDate day = anyOf(r, LocalDate.of(2028, 2, 26), LocalDate.of(2027, 2, 26), LocalDate.of(2026, 12, 28))
                    .plusDays(r.nextInt(6));
            return at(r, day, zone);
        }
        return at(r, FIRST_DAY.plusDays(r.nextInt((int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()))), zone);
    }

    /** A local date and a time of day (often a window edge) in the zone; now and then with milliseconds. */
    private static Instant at(Random r, LocalDate day, ZoneId zone) {
        LocalTime time = pick(r, 55) ? NOTABLE_TIMES[r.nextInt(NOTABLE_TIMES.length)]
                : LocalTime.ofSecondOfDay(r.nextInt(86_400));
        Instant instant = ZonedDateTime.of(day, time, zone).toInstant();
        return pick(r, 10) ? instant.plusMillis(1 + r.nextInt(999)) : instant;
    }

    /** A send time on, just inside or just outside a cap's window (3, 7 or 30 days), or anywhere within it. */
    private static Instant edgeSentAt(Random r, Instant asOf, Set<String> tags) {
        int days = oneOf(r, 3, 7, 30);
        Duration period = Duration.ofDays(days);
        return switch (r.nextInt(8)) {
            case 0 -> {
                tags.add("contact:exactly-asOf-minus-" + days + "d");
                yield asOf.minus(period);
            }
            case 1 -> {
                tags.add("contact:just-inside-" + days + "d");
                yield asOf.minus(period).plusSeconds(1);
            }
            case 2 -> asOf.minus(period).minusSeconds(1);
            case 3 -> {
                tags.add("contact:at-asOf");
                yield asOf;
            }
            default -> asOf.minusSeconds(r.nextInt(days * 86_400));
        };
    }

    private static boolean isTransitionDay(ZoneId zone, LocalDate day) {
        ZoneRules rules = zone.getRules();
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        ZoneOffsetTransition next = rules.nextTransition(start.minusSeconds(1));
        return next != null && next.getInstant().isBefore(end);
    }

    /** An instant in the customer's offset, in UTC or in some other offset: the zone, not the offset, counts. */
    private static String instantText(Random r, Instant instant, ZoneId zone) {
        int kind = r.nextInt(10);
        ZoneOffset offset = kind < 6 ? zone.getRules().getOffset(instant)
                : kind < 8 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(oneOf(r, -11, -3, 5, 9, 13) * 3600 + oneOf(r, -1800, 0, 0, 1800));
        return OFFSET_TIME.format(instant.atOffset(offset));
    }

    private static int someOrderCount(Random r) {
        return oneOf(r, 1, 1, 2, 2, 3, 5, 40);
    }

    private static int activeRecency(Random r) {
        return oneOf(r, 0, 1, 15, 30, 59, 60, 60, 60);
    }

    private static boolean pick(Random r, int percent) {
        return r.nextInt(100) < percent;
    }

    @SafeVarargs
    private static <T> T anyOf(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static int oneOf(Random r, int... values) {
        return values[r.nextInt(values.length)];
    }

    private static long oneOfLong(Random r, long... values) {
        return values[r.nextInt(values.length)];
    }

    private static BigDecimal oneOfDecimal(Random r, String... values) {
        return new BigDecimal(values[r.nextInt(values.length)]);
    }

    private static LocalTime[] times(String... texts) {
        LocalTime[] times = new LocalTime[texts.length];
        for (int i = 0; i < texts.length; i++) {
            times[i] = LocalTime.parse(texts[i]);
        }
        return times;
    }

    private static List<ZoneId> concat(List<ZoneId> a, List<ZoneId> b) {
        List<ZoneId> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
