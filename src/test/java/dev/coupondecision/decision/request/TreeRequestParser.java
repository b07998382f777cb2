package dev.coupondecision.decision.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coupondecision.decision.facts.CampaignType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The oracle of {@link StreamingParserTest}: {@link RequestParser} as it was before it streamed (commit
 * 6ceaf1b), reading Jackson's tree with {@link JsonFields}. The streaming parser must give the same request, or the
 * same violations in the same order, for any input this one is given.
 */
final class TreeRequestParser {
    private static final int MAX_CONTACT_HISTORY = 1000;
    private static final BigDecimal MAX_SPEND = new BigDecimal("1000000000000");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Set<String> FIELDS = Set.of("customerId", "asOf", "timezone", "smsConsent", "unsubscribed",
            "orderCount", "ordersLast90Days", "spendLast365Days", "lastPurchaseDate", "lastCartActivityDate",
            "favoriteCategory", "birthday", "campaign", "contactHistory");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("id", "type", "bigSale");
    private static final Set<String> CONTACT_FIELDS = Set.of("sentAt", "campaignType", "campaignId");

    private final Clock clock;
    private final ZoneId defaultZone;

    TreeRequestParser(Clock clock, ZoneId defaultZone) {
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    DecisionRequest parse(JsonNode root) {
        JsonFields in = new JsonFields(root);
        if (root == null || !root.isObject()) {
            in.reject("", root, "a JSON object");
            throw new InvalidRequestException(in.violations(), null);
        }
        in.rejectUnknown(root, "", FIELDS);
        String customerId = in.text("customerId", true, ID.asMatchPredicate(), "1-64 characters of A-Z a-z 0-9 _ . : -");
        Instant asOf = in.instant("asOf", false);
        ZoneId zone = in.zone("timezone");
        boolean smsConsent = in.bool("smsConsent", true, false);
        boolean unsubscribed = in.bool("unsubscribed", false, false);
        Integer orderCount = in.nonNegativeInt("orderCount", true);
        Integer ordersLast90Days = in.nonNegativeInt("ordersLast90Days", false);
        BigDecimal spend = in.nonNegativeDecimal("spendLast365Days", MAX_SPEND);
        LocalDate lastPurchase = in.date("lastPurchaseDate");
        LocalDate lastCartActivity = in.date("lastCartActivityDate");
        String favoriteCategory = in.text("favoriteCategory", false, CATEGORY.asMatchPredicate(),
                "a lowercase category name such as beauty, daily or books");
        var birthday = in.birthday("birthday");
        DecisionRequest.Campaign campaign = campaign(in, root.get("campaign"));

        Instant effectiveAsOf = asOf != null ? asOf : clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ZoneId effectiveZone = zone != null ? zone : defaultZone;
        LocalDate today = effectiveAsOf.atZone(effectiveZone).toLocalDate();
        List<DecisionRequest.Contact> contacts = contactHistory(in, root.get("contactHistory"), effectiveAsOf);

        int orders = orderCount == null ? 0 : orderCount;
        int recentOrders = ordersLast90Days == null ? 0 : ordersLast90Days;
        if (orderCount != null && recentOrders > orders) {
            in.reject("ordersLast90Days", root.get("ordersLast90Days"), "at most orderCount (" + orders + ")");
        }
        if (orderCount != null && orders > 0 && lastPurchase == null && !in.hasViolation("lastPurchaseDate")) {
            in.reject("lastPurchaseDate", null, "an ISO date (required when orderCount > 0)");
        }
        if (orderCount != null && orders == 0 && lastPurchase != null) {
            in.reject("lastPurchaseDate", root.get("lastPurchaseDate"), "absent when orderCount is 0");
        }
        in.notAfter("lastPurchaseDate", lastPurchase, today);
        in.notAfter("lastCartActivityDate", lastCartActivity, today);
        if (!in.violations().isEmpty()) {
            throw new InvalidRequestException(in.violations(), null);
        }
        return new DecisionRequest(customerId, effectiveAsOf, effectiveZone, smsConsent, unsubscribed, orders,
                recentOrders, spend, lastPurchase, lastCartActivity, favoriteCategory, birthday, campaign, contacts,
                historyGiven(root.get("contactHistory")) ? ContactHistorySource.REQUEST : ContactHistorySource.NONE);
    }

    /** Absent (or null) is not the same as an empty list: only then may the service use the sends it recorded. */
    private static boolean historyGiven(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static DecisionRequest.Campaign campaign(JsonFields in, JsonNode node) {
        if (node == null || node.isNull()) {
            return DecisionRequest.Campaign.DEFAULT;
        }
        if (!node.isObject()) {
            in.reject("campaign", node, "an object {id?, type?, bigSale?}");
            return DecisionRequest.Campaign.DEFAULT;
        }
        in.rejectUnknown(node, "campaign.", CAMPAIGN_FIELDS);
        JsonFields fields = in.nested(node::get, "campaign.");
        String id = fields.text("id", false, ID.asMatchPredicate(), "1-64 characters of A-Z a-z 0-9 _ . : -");
        CampaignType type = fields.campaignType("type", false);
        boolean bigSale = fields.bool("bigSale", false, false);
        return new DecisionRequest.Campaign(id, type == null ? CampaignType.PROMOTION : type, bigSale);
    }

    private static List<DecisionRequest.Contact> contactHistory(JsonFields in, JsonNode node, Instant asOf) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            in.reject("contactHistory", node, "an array of {sentAt, campaignType, campaignId?}");
            return List.of();
        }
        if (node.size() > MAX_CONTACT_HISTORY) {
            in.reject("contactHistory", null, "at most " + MAX_CONTACT_HISTORY + " entries, got " + node.size());
            return List.of();
        }
        List<DecisionRequest.Contact> contacts = new ArrayList<>(node.size());
        Iterator<JsonNode> entries = node.elements();
        for (int i = 0; entries.hasNext(); i++) {
            JsonNode entry = entries.next();
            String prefix = "contactHistory[" + i + "].";
            if (!entry.isObject()) {
                in.reject("contactHistory[" + i + "]", entry, "an object {sentAt, campaignType, campaignId?}");
                continue;
            }
            in.rejectUnknown(entry, prefix, CONTACT_FIELDS);
            JsonFields fields = in.nested(entry::get, prefix);
            Instant sentAt = fields.instant("sentAt", true);
            CampaignType type = fields.campaignType("campaignType", true);
            String campaignId = fields.text("campaignId", false, ID.asMatchPredicate(), "1-64 characters of A-Z a-z 0-9 _ . : -");
            if (sentAt != null && sentAt.isAfter(asOf)) {
                fields.reject("sentAt", entry.get("sentAt"), "an instant not after asOf (" + asOf + ")");
            }
            if (sentAt != null && type != null) {
                contacts.add(new DecisionRequest.Contact(sentAt, type, campaignId));
            }
        }
        return contacts;
    }
}
