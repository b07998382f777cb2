package dev.coupondecision.decision.request;

import dev.coupondecision.decision.facts.CampaignType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

/**
 * A validated decision request, with the defaults applied: {@code asOf} and {@code timezone} are always
 * set. Built only by {@link RequestParser}, which rejects anything inconsistent.
 */
public record DecisionRequest(
        String customerId,
        Instant asOf,
        ZoneId timezone,
        boolean smsConsent,
        boolean unsubscribed,
        int orderCount,
        int ordersLast90Days,
        BigDecimal spendLast365Days,
        LocalDate lastPurchaseDate,
        LocalDate lastCartActivityDate,
        String favoriteCategory,
        MonthDay birthday,
        Campaign campaign,
        List<Contact> contactHistory,
        ContactHistorySource contactHistorySource) {

    /** The campaign the message would belong to. */
    public record Campaign(String id, CampaignType type, boolean bigSale) {
        public static final Campaign DEFAULT = new Campaign(null, CampaignType.PROMOTION, false);
    }

    /** A message already sent to the customer. */
    public record Contact(Instant sentAt, CampaignType campaignType, String campaignId) {
    }

    public DecisionRequest {
        contactHistory = List.copyOf(contactHistory);
        java.util.Objects.requireNonNull(contactHistorySource, "contactHistorySource");
    }

    /** A request whose contact history is given (as in scenarios, populations and tests). */
    public DecisionRequest(String customerId, Instant asOf, ZoneId timezone, boolean smsConsent, boolean unsubscribed,
                           int orderCount, int ordersLast90Days, BigDecimal spendLast365Days, LocalDate lastPurchaseDate,
                           LocalDate lastCartActivityDate, String favoriteCategory, MonthDay birthday, Campaign campaign,
                           List<Contact> contactHistory) {
        this(customerId, asOf, timezone, smsConsent, unsubscribed, orderCount, ordersLast90Days, spendLast365Days,
                lastPurchaseDate, lastCartActivityDate, favoriteCategory, birthday, campaign, contactHistory,
                ContactHistorySource.REQUEST);
    }

    /** Whether the service should look up the customer's recorded sends: the request left contactHistory out. */
    public boolean needsRecordedHistory() {
        return contactHistorySource == ContactHistorySource.NONE;
    }

    /** This request with the sends recorded for the customer as its contact history. */
    public DecisionRequest withRecordedHistory(List<Contact> recorded) {
        return new DecisionRequest(customerId, asOf, timezone, smsConsent, unsubscribed, orderCount, ordersLast90Days,
                spendLast365Days, lastPurchaseDate, lastCartActivityDate, favoriteCategory, birthday, campaign, recorded,
                ContactHistorySource.RECORDED);
    }
}
