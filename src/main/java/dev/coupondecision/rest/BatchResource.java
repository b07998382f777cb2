package dev.coupondecision.rest;

import dev.coupondecision.activation.RulesetRegistry;
import dev.coupondecision.batch.BatchDecider;
import dev.coupondecision.batch.BatchLineReader;
import dev.coupondecision.batch.BatchSpool;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decides a whole segment in one request. The body is read to its end first (into a spool file, so memory stays
 * flat), then NDJSON results stream back in input order: every HTTP client gets the whole answer, also one that
 * sends its entire body before reading anything.
 */
@Path("/decide/batch")
@RolesAllowed("crm")
@Tag(name = "Decisions")
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class BatchResource {
    public static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(BatchResource.class);

    private final BatchDecider batch;
    private final RulesetRegistry registry;
    private final java.nio.file.Path spoolDir;
    private final long maxBody;

    public BatchResource(BatchDecider batch, RulesetRegistry registry, DecisionConfig config) {
        this.batch = batch;
        this.registry = registry;
        this.spoolDir = java.nio.file.Path.of(config.batch().spoolDir().orElse(System.getProperty("java.io.tmpdir")));
        this.maxBody = config.batch().maxBody().asLongValue();
    }

    @POST
    @Blocking
    @Consumes({NDJSON, MediaType.APPLICATION_JSON})
    @Produces(NDJSON)
    @Operation(operationId = "decideBatch",
            summary = "Decide many customers: NDJSON (one request per line) or a JSON array in, NDJSON out",
            description = "One output line per input request, in input order: {line, customerId?, rulesetVersion, decision} "
                    + "or {line, customerId?, rulesetVersion, error} with the same problem /decide would give. The whole "
                    + "batch is decided on one ruleset version. The body is read to its end before the answer starts. "
                    + "Lines of only spaces and tabs are skipped (line numbers still count them). NDJSON lines end at LF, CR LF or CR.")
    @RequestBody(required = true, content = {
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING,
                    description = "One DecisionRequest (JSON object) per line, UTF-8"),
                    examples = @ExampleObject(name = "two-customers", value = ApiExamples.BATCH_REQUEST)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = DecisionRequestBody.class))})
    @APIResponse(responseCode = "200", description = "Streamed results: one BatchResultLine (a JSON object) per line, in"
            + " input order",
            headers = @Header(name = "X-Ruleset-Version", description = "The ruleset version that decided the batch",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchDecider.Result.class),
                    examples = @ExampleObject(name = "two-customers", value = ApiExamples.BATCH_RESPONSE)))
    @APIResponse(responseCode = "400", description = "A JSON body that is not an array, or a body that ended early",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than coupon.batch.max-body (256 MiB by default)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decideBatch(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) throws IOException {
        BatchSpool spool = BatchSpool.of(body, spoolDir, maxBody);
        boolean jsonArray = contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON);
        BatchLineReader reader;
        InputStream spooled = spool.open();
        try {
            reader = jsonArray ? batch.jsonArrayReader(spooled) : batch.ndjsonReader(spooled);
        } catch (IOException e) {
            spooled.close();
            spool.close();
            return ProblemMappers.respond(Problem.of("malformed-json", "Malformed JSON", 400,
                    "a JSON batch must be an array of decision requests ([{...}, {...}]); send NDJSON as application/x-ndjson"));
        }
        CompiledRuleset ruleset = registry.serving();
        StreamingOutput stream = out -> {
            try (spool; spooled) {
                batch.decide(reader, out, ruleset);
            } catch (IOException e) {
                // the client closed the connection while the answer was streaming: nothing is left to do
                LOG.debugf("batch answer abandoned by the client: %s", e.getMessage());
            }
        };
        return Response.ok(stream, NDJSON).header("X-Ruleset-Version", ruleset.version()).build();
    }
}
