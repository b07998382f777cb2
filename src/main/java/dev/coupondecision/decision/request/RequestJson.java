package dev.coupondecision.decision.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.format.DateTimeFormatter;

/**
 * Writes a validated request back as the JSON {@link RequestParser} reads, with every default made explicit (asOf,
 * timezone, campaign) and the contact history that was used, so that deciding the written request again gives the
 * same decision: what the decision log keeps and a replay re-decides.
 */
public final class RequestJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private RequestJson() {
    }

    public static String write(DecisionRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("customerId", request.customerId());
        root.put("asOf", request.asOf().atZone(request.timezone()).toOffsetDateTime().toString());
        root.put("timezone", request.timezone().getId());
        root.put("smsConsent", request.smsConsent());
        root.put("unsubscribed", request.unsubscribed());
        root.put("orderCount", request.orderCount());
        root.put("ordersLast90Days", request.ordersLast90Days());
        root.put("spendLast365Days", request.spendLast365Days());
        if (request.lastPurchaseDate() != null) {
            root.put("lastPurchaseDate", request.lastPurchaseDate().toString());
        }
        if (request.lastCartActivityDate() != null) {
            root.put("lastCartActivityDate", request.lastCartActivityDate().toString());
        }
        if (request.favoriteCategory() != null) {
            root.put("favoriteCategory", request.favoriteCategory());
        }
        if (request.birthday() != null) {
            root.put("birthday", MONTH_DAY.format(request.birthday()));
        }
        ObjectNode campaign = root.putObject("campaign");
        if (request.campaign().id() != null) {
            campaign.put("id", request.campaign().id());
        }
        campaign.put("type", request.campaign().type().name());
        campaign.put("bigSale", request.campaign().bigSale());
        if (request.contactHistorySource() != ContactHistorySource.NONE) {
            ArrayNode history = root.putArray("contactHistory");
            for (DecisionRequest.Contact contact : request.contactHistory()) {
                ObjectNode entry = history.addObject();
                entry.put("sentAt", contact.sentAt().atZone(request.timezone()).toOffsetDateTime().toString());
                entry.put("campaignType", contact.campaignType().name());
                if (contact.campaignId() != null) {
                    entry.put("campaignId", contact.campaignId());
                }
            }
        }
        return root.toString();
    }
}
