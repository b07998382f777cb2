package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What {@code rules validate --update-scenarios} changed in one scenario file: each expected value it replaced with
 * what the candidate decides, or why it could not update the file.
 */
public record ExpectationUpdate(String file, String name, List<Change> changes, String notUpdated) {

    /** One expected value, before and after. */
    public record Change(String path, JsonNode before, JsonNode after) {
        @Override
        public String toString() {
            return path + ": " + before + " → " + after;
        }
    }

    public ExpectationUpdate {
        changes = List.copyOf(changes);
    }

    public boolean updated() {
        return notUpdated == null;
    }
}
