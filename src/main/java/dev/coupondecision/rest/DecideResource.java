package dev.coupondecision.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.DecisionService;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Decides for one customer profile. */
@Path("/decide")
@RolesAllowed("crm")
public class DecideResource {
    private final DecisionService decisions;
    private final RequestParser parser;
    private final ObjectReader json;

    public DecideResource(DecisionService decisions, RequestParser parser, ObjectMapper json) {
        this.decisions = decisions;
        this.parser = parser;
        // content after the object ({...} xyz) makes the body malformed, not ignored
        this.json = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide tier, coupon, send window and eligibility for one customer")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequestBody.class),
            examples = @ExampleObject(name = "high-value", value = ApiExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionResponse.class),
                    examples = @ExampleObject(name = "high-value", value = ApiExamples.RESPONSE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields, each named with its value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    public DecisionResponse decide(String body) throws JsonProcessingException {
        // Parsed here rather than bound by the framework, so malformed JSON and every invalid field are
        // reported the same way as on the batch endpoint.
        return decisions.decide(parser.parse(json.readTree(body)));
    }
}
