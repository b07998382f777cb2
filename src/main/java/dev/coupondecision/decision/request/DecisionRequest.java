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
        List<Contact> contactHistory) {

    /** The campaign the message would belong to. */
    public record Campaign(String id, CampaignType type, boolean bigSale) {
        public static final Campaign DEFAULT = new Campaign(null, CampaignType.PROMOTION, false);
    }

    /** A message already sent to the customer. */
    public record Contact(Instant sentAt, CampaignType campaignType, String campaignId) {
    }

    public DecisionRequest {
        contactHistory = List.copyOf(contactHistory);
    }
}
