package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The outcome of one scenario: the differences between what it expects and what the rules decided. */
public record ScenarioResult(String file, String name, List<Mismatch> mismatches, List<String> firedSources) {

    /** A field whose actual value differs from the expected one ({@code actual} is null when missing). */
    public record Mismatch(String path, JsonNode expected, JsonNode actual) {
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
