package dev.coupondecision.decision.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.problem.Violation;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a decision request from its JSON and checks every field, collecting all violations rather than stopping at
 * the first, so one answer tells the caller everything to fix. Used by the single and the batch endpoint, scenarios,
 * replays and populations alike. JSON bytes are read from Jackson's token stream ({@link RequestReader}), without
 * building a tree first; a tree (a scenario's request, an element of a JSON array) is taken as it is.
 */
public final class RequestParser {
    public static final int MAX_CONTACT_HISTORY = 1000;
    /** Far above any real customer's yearly spend; larger numbers are typing or export errors. */
    public static final BigDecimal MAX_SPEND = new BigDecimal("1000000000000");
    /** What a customer or campaign id is: {@link #isId}. */
    public static final String ID_EXPECTED = "1-64 characters of A-Z a-z 0-9 _ . : -";
    private static final Predicate<String> ID = RequestParser::isId;
    private static final Predicate<String> CATEGORY = Pattern.compile("[a-z][a-z0-9_-]{0,63}").asMatchPredicate();
    private static final Set<String> FIELDS = Set.of("customerId", "asOf", "timezone", "smsConsent", "unsubscribed",
            "orderCount", "ordersLast90Days", "spendLast365Days", "lastPurchaseDate", "lastCartActivityDate",
            "favoriteCategory", "birthday", "campaign", "contactHistory");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("id", "type", "bigSale");
    private static final Set<String> CONTACT_FIELDS = Set.of("sentAt", "campaignType", "campaignId");

    private final Clock clock;
    private final ZoneId defaultZone;

    public RequestParser(Clock clock, ZoneId defaultZone) {
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /**
     * Whether a text is a customer or campaign id: 1-64 characters of A-Z a-z 0-9 _ . : - (the regular expression
     * {@code [A-Za-z0-9_.:-]{1,64}}, checked by hand: a request has one id per contact, and the matcher cost more).
     */
    public static boolean isId(String text) {
        int length = text.length();
        if (length == 0 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A request from its JSON bytes (UTF-8, or the other encodings JSON allows).
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the bytes are not one JSON value
     * @throws InvalidRequestException listing every violation, when the request cannot be decided
     */
    public DecisionRequest parse(byte[] json) throws IOException {
        try (JsonParser in = RequestReader.JSON.createParser(json)) {
            return check(RequestReader.read(in, MAX_CONTACT_HISTORY));
        }
    }

    /**
     * A request from a JSON tree already read.
     *
     * @throws InvalidRequestException listing every violation, when the request cannot be decided
     */
    public DecisionRequest parse(JsonNode tree) {
        return check(RequestReader.of(tree, MAX_CONTACT_HISTORY));
    }

    private DecisionRequest check(Object sent) {
        if (!(sent instanceof SentObject root)) {
            throw new InvalidRequestException(List.of(new Violation("", (JsonNode) sent, "a JSON object")), null);
        }
        JsonFields in = new JsonFields(root);
        in.rejectUnknown(root.names(), FIELDS);
        String customerId = in.text("customerId", true, ID, ID_EXPECTED);
        Instant asOf = in.instant("asOf", false);
        ZoneId zone = in.zone("timezone");
        boolean smsConsent = in.bool("smsConsent", true, false);
        boolean unsubscribed = in.bool("unsubscribed", false, false);
        Integer orderCount = in.nonNegativeInt("orderCount", true);
        Integer ordersLast90Days = in.nonNegativeInt("ordersLast90Days", false);
        BigDecimal spend = in.nonNegativeDecimal("spendLast365Days", MAX_SPEND);
        LocalDate lastPurchase = in.date("lastPurchaseDate");
        LocalDate lastCartActivity = in.date("lastCartActivityDate");
        String favoriteCategory = in.text("favoriteCategory", false, CATEGORY,
                "a lowercase category name such as beauty, daily or books");
        var birthday = in.birthday("birthday");
        DecisionRequest.Campaign campaign = campaign(in, root.value(RequestReader.CAMPAIGN));

        Instant effectiveAsOf = asOf != null ? asOf : clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ZoneId effectiveZone = zone != null ? zone : defaultZone;
        LocalDate today = effectiveAsOf.atZone(effectiveZone).toLocalDate();
        Object history = root.value(RequestReader.CONTACT_HISTORY);
        List<DecisionRequest.Contact> contacts = contactHistory(in, history, effectiveAsOf);

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
            throw new InvalidRequestException(in.violations(), customerId);
        }
        return new DecisionRequest(customerId, effectiveAsOf, effectiveZone, smsConsent, unsubscribed, orders,
                recentOrders, spend, lastPurchase, lastCartActivity, favoriteCategory, birthday, campaign, contacts,
                history != null && history != NullNode.getInstance() ? ContactHistorySource.REQUEST
                        : ContactHistorySource.NONE);
    }

    private static DecisionRequest.Campaign campaign(JsonFields in, Object sent) {
        if (sent == null || sent == NullNode.getInstance()) {
            return DecisionRequest.Campaign.DEFAULT;
        }
        if (!(sent instanceof SentObject object)) {
            in.reject("campaign", (JsonNode) sent, "an object {id?, type?, bigSale?}");
            return DecisionRequest.Campaign.DEFAULT;
        }
        JsonFields fields = in.nested(object, "campaign.");
        fields.rejectUnknown(object.names(), CAMPAIGN_FIELDS);
        String id = fields.text("id", false, ID, ID_EXPECTED);
        CampaignType type = fields.campaignType("type", false);
        boolean bigSale = fields.bool("bigSale", false, false);
        return new DecisionRequest.Campaign(id, type == null ? CampaignType.PROMOTION : type, bigSale);
    }

    private static List<DecisionRequest.Contact> contactHistory(JsonFields in, Object sent, Instant asOf) {
        if (sent == null || sent == NullNode.getInstance()) {
            return List.of();
        }
        if (!(sent instanceof SentObject.SentArray array)) {
            in.reject("contactHistory", (JsonNode) sent, "an array of {sentAt, campaignType, campaignId?}");
            return List.of();
        }
        if (array.size() > MAX_CONTACT_HISTORY) {
            in.reject("contactHistory", null, "at most " + MAX_CONTACT_HISTORY + " entries, got " + array.size());
            return List.of();
        }
        List<DecisionRequest.Contact> contacts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Object element = array.elements().get(i);
            if (!(element instanceof SentObject entry)) {
                in.reject("contactHistory[" + i + "]", (JsonNode) element, "an object {sentAt, campaignType, campaignId?}");
                continue;
            }
            JsonFields fields = in.element(entry, "contactHistory", i);
            fields.rejectUnknown(entry.names(), CONTACT_FIELDS);
            Instant sentAt = fields.instant("sentAt", true);
            CampaignType type = fields.campaignType("campaignType", true);
            String campaignId = fields.text("campaignId", false, ID, ID_EXPECTED);
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
