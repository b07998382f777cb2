package dev.coupondecision.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own OpenAPI 3.1 document as a validator: a response body is checked against the schema the document
 * publishes for its path, method, status and media type, with a JSON Schema 2020-12 validator (OpenAPI 3.1 schemas
 * are JSON Schema). Component references become {@code $defs} of one schema document.
 */
final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode document;
    private final Map<String, JsonSchema> schemas = new LinkedHashMap<>();

    OpenApiContract(String openApiJson) {
        try {
            this.document = JSON.readTree(openApiJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the API description is not JSON", e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** Every violation of the schema published for this response; empty when the body conforms. */
    List<String> violations(String path, String method, int status, String mediaType, JsonNode body) {
        return schema(path, method, status, mediaType).validate(body).stream().map(ValidationMessage::getMessage).toList();
    }

    void assertConforms(String path, String method, int status, String mediaType, JsonNode body) {
        assertThat(violations(path, method, status, mediaType, body))
                .as("%s %s %d %s against the published schema: %s", method, path, status, mediaType, body).isEmpty();
    }

    /** The media types the document publishes for a response. */
    Set<String> mediaTypes(String path, String method, int status) {
        JsonNode content = response(path, method, status).path("content");
        Set<String> types = new java.util.LinkedHashSet<>();
        content.fieldNames().forEachRemaining(types::add);
        return types;
    }

    private JsonSchema schema(String path, String method, int status, String mediaType) {
        return schemas.computeIfAbsent(path + " " + method + " " + status + " " + mediaType, key -> {
            JsonNode schema = response(path, method, status).path("content").path(mediaType).path("schema");
            assertThat(schema.isMissingNode()).as("a schema for %s", key).isFalse();
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("$defs", document.at("/components/schemas").deepCopy());
            ((ObjectNode) root.get("$defs")).set("__response", schema.deepCopy());
            root.put("$ref", "#/$defs/__response");
            try {
                JsonNode rewritten = JSON.readTree(JSON.writeValueAsString(root).replace("#/components/schemas/", "#/$defs/"));
                return FACTORY.getSchema(rewritten);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private JsonNode response(String path, String method, int status) {
        JsonNode response = document.path("paths").path(path).path(method.toLowerCase()).path("responses")
                .path(String.valueOf(status));
        assertThat(response.isMissingNode()).as("%s %s documents status %d", method, path, status).isFalse();
        return response;
    }
}
