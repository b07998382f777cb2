package dev.coupondecision.ruleset;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rule that fired for a decision, and where it is written. */
@JsonPropertyOrder({"rule", "source"})
@Schema(description = "A rule that fired, with its source: DRL file and rule, or spreadsheet file, sheet and row",
        requiredProperties = {"rule", "source"})
public record FiredRule(
        @Schema(example = "Coupon for HIGH_VALUE near birthday") String rule,
        @Schema(example = "coupons.xlsx › Coupons › row 11") String source) {
}
