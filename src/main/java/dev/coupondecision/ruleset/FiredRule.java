package dev.coupondecision.ruleset;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A rule that fired for a decision, where it is written, and which outputs it set. */
@JsonPropertyOrder({"rule", "source", "sets"})
@Schema(description = "A rule that fired, with its source (DRL file and rule, or spreadsheet file, sheet and row) and"
        + " the outputs it set", requiredProperties = {"rule", "source", "sets"})
public record FiredRule(
        @Schema(example = "Coupon for HIGH_VALUE near birthday") String rule,
        @Schema(example = "coupons.xlsx › Coupons › row 11") String source,
        @Schema(description = "What this firing set: tier, coupon, coupon.category, frequencyCap, sendWindow.weekday,"
                + " sendWindow.weekend, holdout, or suppression:CODE for each suppression it added; empty when it"
                + " changed none of them", example = "[\"coupon\"]") List<String> sets) {

    public FiredRule {
        sets = List.copyOf(sets);
    }

    /** The rule as written, before it fires. */
    public FiredRule(String rule, String source) {
        this(rule, source, List.of());
    }

    /** This rule's firing, having set the given outputs. */
    FiredRule setting(List<String> outputs) {
        return new FiredRule(rule, source, outputs);
    }
}
