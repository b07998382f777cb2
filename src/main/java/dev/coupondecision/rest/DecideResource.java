package dev.coupondecision.rest;

import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.DecisionService;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestParser;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import dev.coupondecision.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;

/** Decides for one customer profile. */
@Path("/decide")
@RolesAllowed("crm")
@Tag(name = "Decisions")
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class DecideResource {
    private final DecisionService decisions;
    private final RequestParser parser;

    public DecideResource(DecisionService decisions, RequestParser parser) {
        this.decisions = decisions;
        this.parser = parser;
    }

    @POST
    @NonBlocking // tens of microseconds of CPU and nothing that waits: on the event loop, no worker-thread hand-off
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decide", summary = "Decide tier, coupon, send window and eligibility for one customer",
            description = "The same request on the same ruleset version always gets the same decision and decisionId:"
                    + " give asOf to make a retry identical.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequestBody.class),
            examples = @ExampleObject(name = "high-value", value = ApiExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "The decision",
            headers = @Header(name = "X-Ruleset-Version", description = "The ruleset version that decided",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionResponse.class),
                    examples = @ExampleObject(name = "high-value", value = ApiExamples.RESPONSE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields, each named with its value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "411", description = "A body without Content-Length (chunked or streamed): its size must be known",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than coupon.decide-max-body (1 MiB by default)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The request has no contactHistory and the recorded sends cannot be"
            + " read (the database is down): retry, or send contactHistory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<DecisionResponse>> decide(byte[] body) throws IOException {
        // Parsed here rather than bound by the framework, so malformed JSON and every invalid field are
        // reported the same way as on the batch endpoint; from the bytes, so that bytes that are not UTF-8 are
        // malformed JSON (not characters replaced in a text) and no text is made only to be parsed.
        DecisionRequest request = parser.parse(body);
        if (decisions.blocks(request)) {
            // no contactHistory: the recorded sends are read from the database, on a worker thread
            return Uni.createFrom().item(() -> answer(decisions.decide(request)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().item(answer(decisions.decide(request)));
    }

    private static RestResponse<DecisionResponse> answer(DecisionResponse decision) {
        return RestResponse.ResponseBuilder.ok(decision).header("X-Ruleset-Version", decision.rulesetVersion()).build();
    }
}
