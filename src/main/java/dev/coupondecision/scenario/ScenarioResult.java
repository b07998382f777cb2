package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The outcome of one scenario: the differences between what it expects and what the rules decided. */
public record ScenarioResult(String file, String name, List<Mismatch> mismatches, List<String> firedSources) {

    /** A field whose actual value differs from the expected one ({@code actual} is null when missing). */
    public record Mismatch(@Schema(example = "coupon.amountOff") String path,
                           @Schema(description = "The expected JSON value", type = SchemaType.DEFAULT, implementation = Void.class)
                           JsonNode expected,
                           @Schema(description = "The actual JSON value; null when missing", type = SchemaType.DEFAULT,
                                   implementation = Void.class) JsonNode actual) {
        @Override
        public String toString() {
            return path + ": expected " + expected + " but was " + (actual == null ? "missing" : actual);
        }
    }

    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
        firedSources = List.copyOf(firedSources);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
