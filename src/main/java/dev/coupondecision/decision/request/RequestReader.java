package dev.coupondecision.decision.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.ClassUtil;
import dev.coupondecision.config.JsonConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one request's JSON from Jackson's token stream into {@link SentObject}s (the request object, its campaign
 * object and its contact history's elements) without building Jackson's tree, or takes a tree already read into the
 * same form. What it reads is what {@code ObjectReader.readTree} with the service's settings ({@link JsonConfig})
 * would hold, value for value, so that a rejected value is reported as it was sent; and what the tree would refuse is
 * refused with the same error: a field named twice (the parser's duplicate detection), and anything after the value.
 */
final class RequestReader {
    static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());
    /** For the values read whole (objects and arrays the request does not descend into): more may follow them. */
    private static final ObjectReader VALUE = JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final String CAMPAIGN = "campaign";
    static final String CONTACT_HISTORY = "contactHistory";

    private RequestReader() {
    }

    /**
     * The request as sent: a {@link SentObject}, or the JsonNode of what was sent instead of an object
     * ({@link MissingNode} for no content at all).
     */
    static Object read(JsonParser in, int maxContacts) throws IOException {
        JsonToken first = in.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        Object root = first == JsonToken.START_OBJECT ? request(in, maxContacts) : VALUE.readTree(in);
        JsonToken trailing = in.nextToken();
        if (trailing != null) {
            throw MismatchedInputException.from(in, JsonNode.class, String.format("Trailing token (of type %s) found"
                    + " after value (bound as %s): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
                    trailing, ClassUtil.nameOf(JsonNode.class)));
        }
        return root;
    }

    /**
     * The request as {@link #read} gives it, from a tree already read (a scenario's request, an element of a JSON
     * array): its own nodes, so that a value is reported exactly as the tree holds it, whichever mapper made it.
     */
    static Object of(JsonNode tree, int maxContacts) {
        if (!(tree instanceof ObjectNode object)) {
            return tree;
        }
        SentObject request = new SentObject();
        object.fields().forEachRemaining(member -> {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value instanceof ObjectNode campaign && name.equals(CAMPAIGN)) {
                request.add(name, flatObject(campaign));
            } else if (value instanceof ArrayNode history && name.equals(CONTACT_HISTORY)) {
                List<Object> elements = new ArrayList<>(Math.min(history.size(), maxContacts));
                for (int i = 0; i < history.size() && history.size() <= maxContacts; i++) {
                    elements.add(history.get(i) instanceof ObjectNode contact ? flatObject(contact) : history.get(i));
                }
                request.add(name, new SentObject.SentArray(elements, history.size()));
            } else {
                request.add(name, value);
            }
        });
        return request;
    }

    private static SentObject flatObject(ObjectNode tree) {
        SentObject object = new SentObject();
        tree.fields().forEachRemaining(member -> object.add(member.getKey(), member.getValue()));
        return object;
    }

    private static SentObject request(JsonParser in, int maxContacts) throws IOException {
        SentObject request = new SentObject();
        for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
            JsonToken token = in.nextToken();
            if (token == JsonToken.START_OBJECT && name.equals(CAMPAIGN)) {
                request.add(name, flatObject(in));
            } else if (token == JsonToken.START_ARRAY && name.equals(CONTACT_HISTORY)) {
                request.add(name, contacts(in, maxContacts));
            } else {
                request.add(name, value(in, token));
            }
        }
        return request;
    }

    /** Elements past the limit are counted, not kept: the request is refused for them. */
    private static SentObject.SentArray contacts(JsonParser in, int max) throws IOException {
        List<Object> elements = new ArrayList<>();
        int size = 0;
        for (JsonToken token = in.nextToken(); token != JsonToken.END_ARRAY; token = in.nextToken()) {
            if (size++ >= max) {
                in.skipChildren();
            } else if (token == JsonToken.START_OBJECT) {
                elements.add(flatObject(in));
            } else {
                elements.add(value(in, token));
            }
        }
        return new SentObject.SentArray(size > max ? List.of() : elements, size);
    }

    /** An object whose members are values (the campaign, a contact). */
    private static SentObject flatObject(JsonParser in) throws IOException {
        SentObject object = new SentObject();
        for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
            object.add(name, value(in, in.nextToken()));
        }
        return object;
    }

    /** The value at the current token as Jackson's tree would hold it (JsonNodeDeserializer, exact decimals). */
    private static JsonNode value(JsonParser in, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return TextNode.valueOf(in.getText());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.getInstance();
            case VALUE_NUMBER_INT:
                return switch (in.getNumberType()) {
                    case INT -> IntNode.valueOf(in.getIntValue());
                    case LONG -> LongNode.valueOf(in.getLongValue());
                    default -> BigIntegerNode.valueOf(in.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                // USE_BIG_DECIMAL_FOR_FLOATS, kept exact (JSON text cannot hold a not-a-number)
                return in.isNaN() ? DoubleNode.valueOf(in.getDoubleValue()) : DecimalNode.valueOf(in.getDecimalValue());
            default:
                return VALUE.readTree(in);
        }
    }
}
