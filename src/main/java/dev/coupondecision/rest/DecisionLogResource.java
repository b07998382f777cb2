package dev.coupondecision.rest;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.decisionlog.DecisionHistory;
import dev.coupondecision.decisionlog.LoggedDecisionView;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.problem.Violation;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The decision log: why a customer got what they got. */
@Path("/decisions")
@RolesAllowed({"crm", "analyst"})
@Tag(name = "Decision log")
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class DecisionLogResource {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_LIMIT = 1000;

    private final DecisionHistory history;

    public DecisionLogResource(DecisionHistory history) {
        this.history = history;
    }

    /** A customer's decisions, newest first. */
    public record CustomerDecisions(String customerId, List<LoggedDecisionView> decisions) {
    }

    @GET
    @Path("/{decisionId}")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDecision", summary = "A logged decision with the explanation of every output",
            description = "Request, answer, and for each output the table rows and rules that set it.")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoggedDecisionView.class)))
    @APIResponse(responseCode = "400", description = "Not a decision id (a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such decision in the log (never made, or past retention)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decision(@PathParam("decisionId") String decisionId) {
        if (!UUID.matcher(decisionId).matches()) {
            return invalid(List.of(new Violation("decisionId", TextNode.valueOf(decisionId),
                    "a decisionId as /decide answers it: a lowercase UUID")));
        }
        return history.find(decisionId).map(view -> Response.ok(view, MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> ProblemMappers.respond(Problem.of("decision-not-found", "Decision not found", 404,
                        "No decision " + decisionId + " in the decision log (never made, or older than the retention)")));
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDecisions", summary = "A customer's decisions, newest first")
    @APIResponse(responseCode = "200", description = "The decisions decided in [from, to)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerDecisions.class)))
    @APIResponse(responseCode = "400", description = "A missing customerId, or a bad from, to or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decisions(
            @Parameter(required = true, example = "c-1001") @QueryParam("customerId") String customerId,
            @Parameter(description = "Decided at or after, ISO-8601 with offset (default: the beginning)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Decided before, ISO-8601 with offset (default: no end)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Most decisions returned, 1-1000 (default 100)")
            @QueryParam("limit") String limit) {
        List<Violation> violations = new ArrayList<>();
        if (customerId == null || !RequestParser.isId(customerId)) {
            violations.add(new Violation("customerId", customerId == null ? null : TextNode.valueOf(customerId),
                    RequestParser.ID_EXPECTED + (customerId == null ? " (required)" : "")));
        }
        Instant fromInstant = instant("from", from, Instant.EPOCH, violations);
        Instant toInstant = instant("to", to, Instant.parse("9999-12-31T00:00:00Z"), violations);
        int max = 100;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > MAX_LIMIT) {
                violations.add(new Violation("limit", TextNode.valueOf(limit), "a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        return Response.ok(new CustomerDecisions(customerId, history.ofCustomer(customerId, fromInstant, toInstant, max)),
                MediaType.APPLICATION_JSON).build();
    }

    static Instant instant(String field, String value, Instant absent, List<Violation> violations) {
        if (value == null) {
            return absent;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, TextNode.valueOf(value),
                    "an ISO-8601 instant with offset, e.g. 2026-11-20T00:00:00+08:00"));
            return absent;
        }
    }

    private static Response invalid(List<Violation> violations) {
        return ProblemMappers.respond(Problem.invalidQuery(violations));
    }
}
