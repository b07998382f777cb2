package dev.coupondecision.rest;

import dev.coupondecision.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Finishes the API description: adds to every operation the error responses any request can get, each with the
 * RFC 7807 problem schema (401 and 403 where a token is needed, 415 where there is a body, 500 everywhere; responses
 * an operation describes itself, such as 400 with its examples, are kept as written); and keeps a nullable
 * reference a pure {@code anyOf [ref, null]}, without the {@code type: object} that would refuse its null.
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getAnyOf() != null && schema.getType() != null
                && schema.getAnyOf().stream().anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL))) {
            schema.setType(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                        : operation.getResponses();
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                if (secured) {
                    add(responses, "401", "No Bearer token, or one that is expired, issued in the future or not signed by a trusted key");
                    add(responses, "403", "The token lacks the role this operation needs");
                }
                if (operation.getRequestBody() != null) {
                    add(responses, "415", "A content type or charset this operation does not read (bodies are UTF-8)");
                }
                add(responses, "500", "An unexpected failure; it was logged and the answer carries no details");
                operation.setResponses(responses);
            }
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM))));
        responses.addAPIResponse(status, response);
    }
}
