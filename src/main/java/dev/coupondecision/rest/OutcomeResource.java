package dev.coupondecision.rest;

import dev.coupondecision.outcome.OutcomeReceipt;
import dev.coupondecision.outcome.OutcomeRecorder;
import dev.coupondecision.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** What happened after the decisions: messages sent and coupons redeemed, as the CRM reports them. */
@Path("/outcomes")
@RolesAllowed("crm")
@Tag(name = "Outcomes")
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class OutcomeResource {
    private final OutcomeRecorder recorder;

    public OutcomeResource(OutcomeRecorder recorder) {
        this.recorder = recorder;
    }

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, BatchResource.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordOutcomes", summary = "Record messages sent and coupons redeemed",
            description = "A JSON array or NDJSON of {decisionId?, customerId, campaignId, type: SENT|REDEEMED, at,"
                    + " orderAmount?, campaignType?}. Idempotent per (customerId, campaignId, type, at). Outcomes match"
                    + " decisions by customer and campaign (an unknown decisionId is accepted). SENT outcomes are the"
                    + " contact history of later requests that leave contactHistory out. At most 200,000 per request.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = OutcomeBody.class), examples = @ExampleObject(name = "sent-and-redeemed",
                    value = ApiExamples.OUTCOMES)),
            @Content(mediaType = BatchResource.NDJSON, schema = @Schema(type = SchemaType.STRING,
                    description = "One outcome (JSON object) per line, UTF-8"))})
    @APIResponse(responseCode = "200", description = "Recorded; rejected outcomes are listed with their problem",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutcomeReceipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or a JSON body that is not an array",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 200,000 outcomes in one request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be reached; nothing was recorded, retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) throws IOException {
        boolean ndjson = contentType != null && contentType.startsWith(BatchResource.NDJSON);
        try {
            return Response.ok(recorder.record(body, ndjson), MediaType.APPLICATION_JSON).build();
        } catch (IllegalArgumentException e) {
            return ProblemMappers.respond(Problem.of("malformed-json", "Malformed JSON", 400,
                    "the body must be " + e.getMessage()));
        } catch (dev.coupondecision.outcome.TooManyOutcomesException e) {
            return ProblemMappers.respond(Problem.of("body-too-large", "Body too large", 413, e.getMessage()));
        }
    }
}
