package dev.coupondecision.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.request.JsonFields;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.problem.Violation;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the outcomes of one POST /outcomes body, a JSON array or NDJSON, element by element: a bad element is
 * reported with its number and every field wrong in it, and the others are recorded.
 */
final class OutcomeParser {
    static final int MAX_OUTCOMES = 200_000;
    private static final Set<String> FIELDS = Set.of("decisionId", "customerId", "campaignId", "type", "at",
            "orderAmount", "campaignType");
    private static final Predicate<String> UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}").asMatchPredicate();
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /** An outcome read, or why element {@code number} (1-based) was not. */
    record Parsed(long number, Outcome outcome, Problem problem) {
    }

    private final ObjectMapper json;

    OutcomeParser(ObjectMapper json) {
        this.json = json;
    }

    /** The elements of a JSON array body. */
    List<Parsed> array(String body) throws IOException {
        JsonNode root = json.readTree(body);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("a JSON array of outcomes (or NDJSON with Content-Type application/x-ndjson)");
        }
        tooMany(root.size());
        List<Parsed> parsed = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            parsed.add(element(i + 1, root.get(i)));
        }
        return parsed;
    }

    /** The lines of an NDJSON body; blank lines are skipped but counted. */
    List<Parsed> ndjson(String body) {
        String[] lines = body.split("\r?\n");
        tooMany(lines.length);
        List<Parsed> parsed = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(lines[i]);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                parsed.add(new Parsed(i + 1, null, Problem.of("malformed-json", "Malformed JSON", 400,
                        "line " + (i + 1) + " is not one JSON object: " + e.getOriginalMessage())));
                continue;
            }
            parsed.add(element(i + 1, node));
        }
        return parsed;
    }

    private static void tooMany(int count) {
        if (count > MAX_OUTCOMES) {
            throw new TooManyOutcomesException(count, MAX_OUTCOMES);
        }
    }

    Parsed element(long number, JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Parsed(number, null, Problem.invalidOutcome(List.of(new Violation("", node,
                    "an object {decisionId?, customerId, campaignId, type, at, orderAmount?, campaignType?}"))));
        }
        JsonFields in = new JsonFields(node);
        in.rejectUnknown(node, "", FIELDS);
        String decisionId = in.text("decisionId", false, UUID, "the decisionId of the decision, a UUID");
        String customerId = in.text("customerId", true, RequestParser::isId, RequestParser.ID_EXPECTED);
        String campaignId = in.text("campaignId", true, RequestParser::isId, RequestParser.ID_EXPECTED);
        OutcomeType type = type(in, node.get("type"));
        Instant at = in.instant("at", true);
        // JsonFields reads an absent amount as 0 (a spend); an outcome without one has none
        BigDecimal orderAmount = node.hasNonNull("orderAmount") ? in.nonNegativeDecimal("orderAmount", MAX_AMOUNT) : null;
        CampaignType campaignType = in.campaignType("campaignType", false);
        if (type == OutcomeType.SENT && orderAmount != null) {
            in.reject("orderAmount", node.get("orderAmount"), "absent for SENT (only a REDEEMED coupon has an order)");
        }
        if (type == OutcomeType.REDEEMED && campaignType != null) {
            in.reject("campaignType", node.get("campaignType"), "absent for REDEEMED (it describes a SENT message)");
        }
        if (!in.violations().isEmpty()) {
            return new Parsed(number, null, Problem.invalidOutcome(in.violations()));
        }
        return new Parsed(number, new Outcome(decisionId, customerId, campaignId, type, at, orderAmount, campaignType), null);
    }

    private static OutcomeType type(JsonFields in, JsonNode value) {
        if (value != null && value.isTextual()) {
            for (OutcomeType type : OutcomeType.values()) {
                if (type.name().equals(value.asText())) {
                    return type;
                }
            }
        }
        in.reject("type", value, "SENT or REDEEMED" + (value == null ? " (required)" : ""));
        return null;
    }
}
