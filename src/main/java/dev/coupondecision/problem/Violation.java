package dev.coupondecision.problem;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with a request: which field, the value it had, and what was expected instead. */
@JsonPropertyOrder({"field", "rejectedValue", "expected"})
@Schema(description = "A field that was rejected, the value it had, and what was expected",
        requiredProperties = {"field", "rejectedValue", "expected"})
public record Violation(
        @Schema(description = "JSON path of the field", example = "contactHistory[2].sentAt") String field,
        @Schema(description = "The value as sent (any JSON value); null when the field was missing",
                type = SchemaType.DEFAULT, implementation = Void.class) JsonNode rejectedValue,
        @Schema(description = "What the field must be", example = "an ISO-8601 instant with offset, not after asOf") String expected) {
}
