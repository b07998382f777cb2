package dev.coupondecision.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON shape of a decision request, for the API description only: requests are read and checked by
 * {@link dev.coupondecision.decision.request.RequestParser}, which reports every violation at once.
 */
@Schema(name = "DecisionRequest", description = "A customer profile to decide for; unknown fields are rejected")
public record DecisionRequestBody(
        @Schema(required = true, pattern = "[A-Za-z0-9_.:-]{1,64}", example = "c-1001") String customerId,
        @Schema(format = "date-time", description = "The moment to decide for (ISO-8601 with offset, years 1900 to"
                + " 2200); default now. Give it to make a retry get the same decision and decisionId",
                example = "2026-11-20T12:00:00+08:00") String asOf,
        @Schema(description = "IANA time zone of the customer; default from configuration (Asia/Shanghai)",
                example = "Asia/Shanghai") String timezone,
        @Schema(required = true) boolean smsConsent,
        @Schema(description = "Whether the customer unsubscribed from SMS; false when absent") Boolean unsubscribed,
        @Schema(required = true, minimum = "0", example = "5") int orderCount,
        @Schema(minimum = "0", description = "At most orderCount; 0 when absent", example = "3") Integer ordersLast90Days,
        @Schema(minimum = "0", maximum = "1000000000000", description = "0 when absent", example = "2500") BigDecimal spendLast365Days,
        @Schema(format = "date", description = "Required when orderCount > 0, absent when 0; not after the local date"
                + " of asOf; years 1900 to 2200", example = "2026-11-01") String lastPurchaseDate,
        @Schema(format = "date", description = "Last add-to-cart or favourite; not after the local date of asOf;"
                + " years 1900 to 2200")
        String lastCartActivityDate,
        @Schema(pattern = "[a-z][a-z0-9_-]{0,63}", example = "beauty") String favoriteCategory,
        @Schema(description = "MM-DD or YYYY-MM-DD, a real calendar day (02-29 allowed, years 1900 to 2200)",
                example = "11-25") String birthday,
        Campaign campaign,
        @Schema(maxItems = 1000) List<Contact> contactHistory) {

    @Schema(name = "Campaign")
    public record Campaign(
            @Schema(pattern = "[A-Za-z0-9_.:-]{1,64}", example = "double11-2026") String id,
            @Schema(enumeration = {"PROMOTION", "RECALL"}, description = "PROMOTION when absent") String type,
            @Schema(description = "Big sales lift the one-message-in-7-days cap; false when absent") Boolean bigSale) {
    }

    @Schema(name = "Contact", description = "A message already sent")
    public record Contact(
            @Schema(required = true, format = "date-time", description = "Not after asOf; years 1900 to 2200") String sentAt,
            @Schema(required = true, enumeration = {"PROMOTION", "RECALL"}) String campaignType,
            @Schema(pattern = "[A-Za-z0-9_.:-]{1,64}") String campaignId) {
    }
}
