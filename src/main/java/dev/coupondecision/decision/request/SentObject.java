package dev.coupondecision.decision.request;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * One JSON object of a request as it was sent, its members in document order, read from the token stream instead
 * of Jackson's tree (whose linked hash map per object cost more than the checks). A member's value is a
 * {@link JsonNode} (a scalar as the tree would hold it, or an object or array the request does not descend into), or,
 * for the members a request is made of, a nested {@code SentObject} or a {@link SentArray}.
 */
final class SentObject implements JsonFields.Members {
    private String[] names = new String[16];
    private Object[] values = new Object[16];
    private int size;

    void add(String name, Object value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size++] = value;
    }

    /** The member's value (a JsonNode, SentObject or SentArray), or null when absent. */
    Object value(String name) {
        // the parser interns names, as the compiler does the fields' names: identity finds them, without equals
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return values[i];
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** A scalar member (or one not descended into) as a node; null when absent. */
    @Override
    public JsonNode get(String name) {
        Object value = value(name);
        if (value == null || value instanceof JsonNode) {
            return (JsonNode) value;
        }
        throw new IllegalStateException(name + " was read as a nested object or array, not as a value");
    }

    Iterator<String> names() {
        return Arrays.asList(names).subList(0, size).iterator();
    }

    /** An array member of a request: its elements (SentObject or JsonNode) up to a limit, and how many it had. */
    record SentArray(List<Object> elements, int size) {
    }
}
