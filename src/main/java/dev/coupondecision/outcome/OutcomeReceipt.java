package dev.coupondecision.outcome;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.coupondecision.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What POST /outcomes did with the outcomes it was given. */
@JsonPropertyOrder({"received", "recorded", "duplicates", "rejected"})
@Schema(description = "How many outcomes came, were recorded, had been recorded before, and each one rejected",
        requiredProperties = {"received", "recorded", "duplicates", "rejected"})
public record OutcomeReceipt(
        @Schema(description = "Outcomes in the body (blank NDJSON lines not counted)") int received,
        @Schema(description = "Outcomes recorded now") int recorded,
        @Schema(description = "Outcomes recorded before (same customerId, campaignId, type and at): not recorded again")
        int duplicates,
        @Schema(description = "Each rejected outcome with why; the others were recorded") List<Rejected> rejected) {

    @JsonPropertyOrder({"line", "problem"})
    @Schema(requiredProperties = {"line", "problem"})
    public record Rejected(@Schema(description = "1-based NDJSON line or array element") long line, Problem problem) {
    }
}
