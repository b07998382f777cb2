package dev.coupondecision.rest;

import dev.coupondecision.activation.RulesetRegistry;
import dev.coupondecision.batch.BatchDecider;
import dev.coupondecision.ruleset.CompiledRuleset;
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
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.InputStream;

/** Decides a whole segment in one request, streaming NDJSON results back in input order. */
@Path("/decide/batch")
@RolesAllowed("crm")
public class BatchResource {
    public static final String NDJSON = "application/x-ndjson";

    private final BatchDecider batch;
    private final RulesetRegistry registry;
    public BatchResource(BatchDecider batch, RulesetRegistry registry) {
        this.batch = batch;
        this.registry = registry;
    }

    @POST
    @Blocking
    @Consumes({NDJSON, MediaType.APPLICATION_JSON})
    @Produces(NDJSON)
    @Operation(summary = "Decide many customers: NDJSON (one request per line) or a JSON array in, NDJSON out",
            description = "One output line per input request, in input order: {line, rulesetVersion, decision} or "
                    + "{line, rulesetVersion, error} with the same problem /decide would give. The whole batch is "
                    + "decided on one ruleset version. Whitespace-only lines are skipped (line numbers still count them).")
    @RequestBody(content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "two-customers", value = ApiExamples.BATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "Streamed results, one per request",
            content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "two-customers", value = ApiExamples.BATCH_RESPONSE)))
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    public Response decideBatch(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        CompiledRuleset ruleset = registry.serving();
        boolean jsonArray = contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON);
        StreamingOutput stream = out -> batch.decide(
                jsonArray ? batch.jsonArrayReader(body) : batch.ndjsonReader(body), out, ruleset);
        return Response.ok(stream, NDJSON).header("X-Ruleset-Version", ruleset.version()).build();
    }
}
