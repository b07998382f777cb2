package dev.coupondecision.decisionlog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.coupondecision.ruleset.FiredRule;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each output of a decision with the table rows and rules that set it, read from the fired rules (each names what it
 * set). Outputs come in the order of the answer; a suppression is one output each; an output no rule set (a tier
 * table without a row for the customer) has no rules.
 */
@JsonPropertyOrder({"output", "value", "setBy"})
@Schema(description = "One output of the decision and the rules (table rows) that set it, in firing order",
        requiredProperties = {"output", "value", "setBy"})
public record Explanation(
        @Schema(description = "tier, coupon, coupon.category, frequencyCap, sendWindow.weekday, sendWindow.weekend,"
                + " holdout or suppression:CODE", example = "coupon") String output,
        @Schema(description = "The output's value in the answer", type = SchemaType.DEFAULT, implementation = Void.class)
        JsonNode value,
        List<FiredRule> setBy) {

    private static final List<String> OUTPUTS = List.of("tier", "coupon", "coupon.category", "frequencyCap",
            "sendWindow.weekday", "sendWindow.weekend", "holdout");

    /** The explanation of a decision as answered (JSON with its firedRules). */
    public static List<Explanation> of(JsonNode decision, List<FiredRule> firedRules) {
        Map<String, List<FiredRule>> setBy = new LinkedHashMap<>();
        OUTPUTS.forEach(output -> setBy.put(output, new ArrayList<>()));
        for (FiredRule fired : firedRules) {
            for (String output : fired.sets()) {
                setBy.computeIfAbsent(output, key -> new ArrayList<>()).add(new FiredRule(fired.rule(), fired.source()));
            }
        }
        List<Explanation> explanation = new ArrayList<>();
        setBy.forEach((output, rules) -> explanation.add(new Explanation(output, value(decision, output), rules)));
        return explanation;
    }

    private static JsonNode value(JsonNode decision, String output) {
        JsonNode value = switch (output) {
            case "tier", "frequencyCap" -> decision.get(output);
            case "coupon" -> decision.get("coupon");
            case "coupon.category" -> decision.path("coupon").get("category");
            case "sendWindow.weekday", "sendWindow.weekend" -> decision.get("sendWindow");
            case "holdout" -> suppression(decision, "HOLDOUT");
            default -> output.startsWith("suppression:") ? suppression(decision, output.substring("suppression:".length()))
                    : null;
        };
        return value == null ? NullNode.getInstance() : value;
    }

    private static JsonNode suppression(JsonNode decision, String code) {
        for (JsonNode suppression : decision.path("suppressions")) {
            if (code.equals(suppression.path("code").asText())) {
                return suppression;
            }
        }
        return null;
    }
}
