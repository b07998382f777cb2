package dev.coupondecision.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.config.JsonConfig;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a scenario file the way the shipped ones are laid out, so that a file the tools write or update reads like
 * one written by hand and a git diff shows only the values that changed: the top level and {@code request} /
 * {@code expect} one field per line, an object inside them on one line, a list of objects one element per line.
 */
public final class ScenarioJson {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());

    private ScenarioJson() {
    }

    public static String write(ObjectNode scenario) {
        StringBuilder out = new StringBuilder();
        object(scenario, 0, out);
        return out.append('\n').toString();
    }

    /** Objects down to {@code request} and {@code expect} (depth 0 and 1) are written one field per line. */
    private static void object(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            indent(depth + 1, out).append(inline(JSON.getNodeFactory().textNode(field.getKey()))).append(": ");
            JsonNode value = field.getValue();
            if (value.isObject() && depth == 0) {
                object(value, depth + 1, out);
            } else if (value.isArray() && containsObjects(value)) {
                out.append("[\n");
                for (int i = 0; i < value.size(); i++) {
                    indent(depth + 2, out).append(inline(value.get(i))).append(i + 1 < value.size() ? ",\n" : "\n");
                }
                indent(depth + 1, out).append(']');
            } else {
                out.append(inline(value));
            }
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        indent(depth, out).append('}');
    }

    private static boolean containsObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    /** A value on one line: {@code {"a": 1, "b": [2, 3]}}. */
    private static String inline(JsonNode value) {
        if (value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(inline(JSON.getNodeFactory().textNode(field.getKey()))).append(": ").append(inline(field.getValue()));
                if (fields.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(inline(value.get(i)));
            }
            return out.append(']').toString();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The same value with every decimal written plainly ({@code 50}, not {@code 5E+1} or {@code 50.00}). */
    public static JsonNode plain(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isBigDecimal() || value.isDouble() || value.isFloat()) {
            BigDecimal number = value.decimalValue().stripTrailingZeros();
            return JSON.getNodeFactory().numberNode(number.scale() < 0 ? number.setScale(0) : number);
        }
        if (value.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), plain(field.getValue())));
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            value.forEach(element -> copy.add(plain(element)));
            return copy;
        }
        return value;
    }

    private static StringBuilder indent(int depth, StringBuilder out) {
        return out.append("  ".repeat(depth));
    }
}
