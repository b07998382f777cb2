package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Compares an expected JSON value with an actual one, where expected objects may leave fields out. */
final class JsonSubset {

    private JsonSubset() {
    }

    static List<ScenarioResult.Mismatch> mismatches(JsonNode expected, JsonNode actual) {
        List<ScenarioResult.Mismatch> found = new ArrayList<>();
        compare("", expected, actual, found);
        return found;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<ScenarioResult.Mismatch> found) {
        if (expected.isObject() && actual != null && actual.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = actual.get(field.getKey());
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (value == null) {
                    found.add(new ScenarioResult.Mismatch(childPath, field.getValue(), null));
                } else {
                    compare(childPath, field.getValue(), value, found);
                }
            }
        } else if (expected.isArray() && actual != null && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), found);
            }
        } else if (!sameValue(expected, actual)) {
            found.add(new ScenarioResult.Mismatch(path, expected, actual));
        }
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
