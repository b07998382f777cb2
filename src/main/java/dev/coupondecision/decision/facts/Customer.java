package dev.coupondecision.decision.facts;

import dev.coupondecision.hashing.Sha256;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the decision tables may test about a customer: the profile plus facts derived in the customer's
 * time zone. Day counts are null when the date they count from is unknown.
 */
public final class Customer {
    private final String customerId;
    private final LocalDate today;
    private final boolean smsConsent;
    private final boolean unsubscribed;
    private final int orderCount;
    private final int ordersLast90Days;
    private final BigDecimal spendLast365Days;
    private final Integer recencyDays;
    private final Integer intentDays;
    private final Integer birthdayInDays;
    private final String favoriteCategory;
    private final String campaignId;
    private final CampaignType campaignType;
    private final boolean bigSale;
    private static final Map<String, LocalDate> DATES = new ConcurrentHashMap<>();
    private final Map<String, Integer> buckets = new HashMap<>(2);

    public Customer(String customerId, LocalDate today, boolean smsConsent, boolean unsubscribed, int orderCount,
                    int ordersLast90Days, BigDecimal spendLast365Days, Integer recencyDays, Integer intentDays,
                    Integer birthdayInDays, String favoriteCategory, String campaignId, CampaignType campaignType,
                    boolean bigSale) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.today = Objects.requireNonNull(today, "today");
        this.smsConsent = smsConsent;
        this.unsubscribed = unsubscribed;
        this.orderCount = orderCount;
        this.ordersLast90Days = ordersLast90Days;
        this.spendLast365Days = Objects.requireNonNull(spendLast365Days, "spendLast365Days");
        this.recencyDays = recencyDays;
        this.intentDays = intentDays;
        this.birthdayInDays = birthdayInDays;
        this.favoriteCategory = favoriteCategory;
        this.campaignId = campaignId;
        this.campaignType = Objects.requireNonNull(campaignType, "campaignType");
        this.bigSale = bigSale;
    }

    /**
     * Stable A/B bucket 0-99 of this customer in an experiment: the first four bytes of
     * SHA-256("experiment:customerId") as an unsigned big-endian integer, mod 100.
     */
    public int bucketOf(String experiment) {
        return buckets.computeIfAbsent(experiment, key -> bucket(key, customerId));
    }

    public static int bucket(String experiment, String customerId) {
        byte[] hash = Sha256.of(experiment + ":" + customerId);
        long firstFour = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
        return (int) (firstFour % 100);
    }


    /**
     * For "Effective from" columns: whether the decision's local date is on or after an ISO date, so a
     * seasonal row follows the decision's asOf, not the wall clock.
     */
    public boolean onOrAfter(String isoDate) {
        return !today.isBefore(date(isoDate));
    }

    /** For "Expires on" columns: whether the decision's local date is before an ISO date. */
    public boolean before(String isoDate) {
        return today.isBefore(date(isoDate));
    }

    private static LocalDate date(String isoDate) {
        return DATES.computeIfAbsent(isoDate.trim(), LocalDate::parse);
    }

    public String getCustomerId() { return customerId; }
    public LocalDate getToday() { return today; }
    public boolean isSmsConsent() { return smsConsent; }
    public boolean isUnsubscribed() { return unsubscribed; }
    public int getOrderCount() { return orderCount; }
    public int getOrdersLast90Days() { return ordersLast90Days; }
    public BigDecimal getSpendLast365Days() { return spendLast365Days; }
    /** Days from the last purchase to today; null without purchases. */
    public Integer getRecencyDays() { return recencyDays; }
    /** Days from the last add-to-cart or favourite to today; null without such activity. */
    public Integer getIntentDays() { return intentDays; }
    /** Days from today to the next birthday (0 = today); null when the birthday is unknown. */
    public Integer getBirthdayInDays() { return birthdayInDays; }
    public String getFavoriteCategory() { return favoriteCategory; }
    public String getCampaignId() { return campaignId; }
    public CampaignType getCampaignType() { return campaignType; }
    public boolean isBigSale() { return bigSale; }
}
