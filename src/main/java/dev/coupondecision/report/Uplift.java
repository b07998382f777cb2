package dev.coupondecision.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The difference of two redemption rates with its 95% confidence interval by the two-proportion normal approximation
 * (Wald, unpooled): d = p1 - p0, se = sqrt(p1(1-p1)/n1 + p0(1-p0)/n0), d ± 1.959964 se. It is poor for very small
 * groups or rates near 0 or 1 (fewer than about 10 redemptions or non-redemptions in a group).
 */
@JsonPropertyOrder({"absolute", "ci95", "method"})
@Schema(description = "Difference of redemption rates with its 95% confidence interval (two-proportion normal"
        + " approximation, unpooled); null when a group is empty", requiredProperties = {"absolute", "ci95", "method"})
public record Uplift(
        @Schema(nullable = true, description = "Rate minus the rate compared with") Double absolute,
        @Schema(nullable = true, description = "[low, high]") List<Double> ci95,
        String method) {

    static final double Z_95 = 1.959963984540054;
    static final String METHOD = "two-proportion normal approximation (Wald, unpooled), 95%";

    static Uplift between(int successes1, int n1, int successes0, int n0) {
        if (n1 == 0 || n0 == 0) {
            return new Uplift(null, null, METHOD);
        }
        double p1 = (double) successes1 / n1;
        double p0 = (double) successes0 / n0;
        double difference = p1 - p0;
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
        return new Uplift(difference, List.of(difference - Z_95 * se, difference + Z_95 * se), METHOD);
    }
}
