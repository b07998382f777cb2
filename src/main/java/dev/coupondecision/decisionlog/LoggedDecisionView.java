package dev.coupondecision.decisionlog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.coupondecision.ruleset.FiredRule;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/** A logged decision as GET /decisions answers it: request, answer and the explanation of every output. */
@JsonPropertyOrder({"decisionId", "decidedAt", "customerId", "campaignId", "rulesetVersion", "holdout", "request",
        "requestSha256", "decision", "explanation"})
@Schema(name = "LoggedDecision", description = "A decision from the decision log, with why each output is what it is",
        requiredProperties = {"decisionId", "decidedAt", "customerId", "campaignId", "rulesetVersion", "holdout",
                "request", "requestSha256", "decision", "explanation"})
public record LoggedDecisionView(
        @Schema(format = "uuid") String decisionId,
        @Schema(description = "When the service decided", format = "date-time") String decidedAt,
        String customerId,
        @Schema(nullable = true) String campaignId,
        String rulesetVersion,
        @Schema(description = "In the campaign's control group (suppression HOLDOUT)") boolean holdout,
        @Schema(description = "The request as decided, defaults and the contact history used made explicit; null when"
                + " coupon.log.store-requests=false", nullable = true, type = SchemaType.OBJECT,
                implementation = Object.class) JsonNode request,
        @Schema(description = "SHA-256 of that request (kept also when the request is not)") String requestSha256,
        @Schema(description = "The answer the client got (DecisionResponse)", type = SchemaType.OBJECT,
                implementation = Object.class) JsonNode decision,
        List<Explanation> explanation) {

    static LoggedDecisionView of(StoredDecision stored, ObjectMapper json) {
        try {
            JsonNode decision = json.readTree(stored.decision());
            List<FiredRule> fired = new ArrayList<>();
            for (JsonNode rule : decision.path("firedRules")) {
                List<String> sets = new ArrayList<>();
                rule.path("sets").forEach(output -> sets.add(output.asText()));
                fired.add(new FiredRule(rule.path("rule").asText(), rule.path("source").asText(), sets));
            }
            return new LoggedDecisionView(stored.decisionId(), stored.decidedAt().toString(), stored.customerId(),
                    stored.campaignId(), stored.rulesetVersion(), stored.holdout(),
                    stored.request() == null ? NullNode.getInstance() : json.readTree(stored.request()),
                    stored.requestSha256(), decision, Explanation.of(decision, fired));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision " + stored.decisionId() + " is stored as unreadable JSON", e);
        }
    }
}
