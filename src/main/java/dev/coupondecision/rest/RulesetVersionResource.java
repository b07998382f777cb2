package dev.coupondecision.rest;

import dev.coupondecision.upload.UploadedRuleFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.activation.RulesetRegistry;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.impact.CandidateSubmission;
import dev.coupondecision.impact.DryRunReport;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.store.Activation;
import dev.coupondecision.activation.ActivationRules;
import dev.coupondecision.impact.LogReplay;
import dev.coupondecision.store.RulesetStore;
import dev.coupondecision.store.StoredRuleset;
import dev.coupondecision.store.StoredVersion;
import dev.coupondecision.store.VersionDiff;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The ruleset store over HTTP: the history of every checked ruleset, each version's files and report, the
 * difference between two versions, candidates handed in by analysts, and activation (and so rollback) by an
 * approver, recorded with who and why.
 */
@Path("/rulesets")
@Tag(name = "Ruleset versions")
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class RulesetVersionResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RulesetStore store;
    private final LogReplay replays;
    private final ActivationRules activationRules;
    private final RulesetRegistry registry;
    private final CandidateSubmission candidates;
    private final SecurityIdentity identity;
    private final WorkbookLimits limits;

    public RulesetVersionResource(RulesetStore store, RulesetRegistry registry, CandidateSubmission candidates,
                                  SecurityIdentity identity, DecisionConfig config, LogReplay replays,
                                  ActivationRules activationRules) {
        this.replays = replays;
        this.activationRules = activationRules;
        this.store = store;
        this.registry = registry;
        this.candidates = candidates;
        this.identity = identity;
        this.limits = WorkbookLimits.from(config.ruleFiles());
    }

    /** A version with its files and the gate's report. */
    public record VersionDetail(StoredVersion version, List<FileEntry> files,
                                @Schema(description = "The gate's report as stored: findings, scenarios and, for"
                                        + " candidates handed in, the impact", type = SchemaType.OBJECT,
                                        implementation = Object.class) JsonNode report) {
    }

    public record FileEntry(String path, long bytes) {
    }

    /** What a handed-in candidate became: its version in the store and the report of its check. */
    public record CandidateResult(String version, StoredVersion.State state, DryRunReport report) {
    }

    public record ActivationRequest(@Schema(description = "Why this version should serve", example = "Dormant coupon 35 off")
                                    String comment) {
    }

    @GET
    @Path("/versions")
    @RolesAllowed({"analyst", "approver"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRulesetVersions", summary = "Every checked ruleset, newest first, with its state")
    public List<StoredVersion> versions() {
        return store.versions();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({"analyst", "approver"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRulesetVersion", summary = "A version's files and the gate's report")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VersionDetail version(@PathParam("version") String version) throws IOException {
        StoredRuleset stored = ruleset(version);
        List<FileEntry> files = new java.util.ArrayList<>();
        filePaths(stored).forEach((path, bytes) -> files.add(new FileEntry(path, bytes.length)));
        return new VersionDetail(stored.entry(), files, JSON.readTree(stored.reportJson()));
    }

    @GET
    @Path("/versions/{version}/files/{path: .+}")
    @RolesAllowed({"analyst", "approver"})
    @Produces({"application/octet-stream", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(operationId = "getRulesetVersionFile", summary = "One file of a version, e.g. decision-tables/coupons.xlsx")
    @APIResponse(responseCode = "200", description = "The file as stored",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such version or file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@PathParam("version") String version, @PathParam("path") String path) {
        byte[] content = filePaths(ruleset(version)).get(path);
        if (content == null) {
            return ProblemMappers.respond(Problem.of("not-found", "Not found", 404,
                    "version " + version + " has no file " + path));
        }
        String type = path.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : path.endsWith(".json") ? MediaType.APPLICATION_JSON : "text/plain; charset=utf-8";
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Response.ok(content, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    @Path("/versions/{from}/diff/{to}")
    @RolesAllowed({"analyst", "approver"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "diffRulesetVersions", summary = "Changed table rows cell by cell, DRL and scenario changes")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VersionDiff diff(@PathParam("from") String from, @PathParam("to") String to) {
        return VersionDiff.between(from, ruleset(from).snapshot(), to, ruleset(to).snapshot());
    }

    @POST
    @Path("/candidates")
    @RolesAllowed("analyst")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitCandidate", summary = "Hand in a candidate ruleset: checked, its impact computed,"
            + " kept in the store for an approver",
            description = "Parts named files are .xlsx/.drl files replacing or adding to the active ones; parts named"
                    + " scenarios are scenario files named like tiers__x.json (for scenarios/tiers/x.json). With"
                    + " fullSet=true the parts are the whole ruleset instead. Nothing is activated.")
    @APIResponse(responseCode = "201", description = "Stored; state PASSED or REJECTED, with the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateResult.class)))
    @APIResponse(responseCode = "400", description = "A part is not a usable upload; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@RestForm(FileUpload.ALL) List<FileUpload> parts, @RestForm("fullSet") boolean fullSet,
                           @RestForm("comment") String comment) {
        UploadedRuleFiles.Upload upload = UploadedRuleFiles.readWithScenarios(parts, limits);
        DryRunReport report = candidates.submit(upload.rules(), upload.scenarios(), fullSet,
                new RulesetStore.Origin(user(), "upload", comment));
        StoredVersion stored = store.version(report.candidateVersion()).orElseThrow();
        return Response.status(201).entity(new CandidateResult(stored.version(), stored.state(), report)).build();
    }

    @POST
    @Path("/versions/{version}/activate")
    @RolesAllowed("approver")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "activateRulesetVersion", summary = "Make a version that passed the gate serve (an older"
            + " one: a rollback); recorded with the approver and the comment")
    @APIResponse(responseCode = "400", description = "No comment, or one over 2000 characters; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the approver role, or its user handed in this"
            + " version (four eyes, type .../four-eyes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version did not pass the gate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response activate(@PathParam("version") String version, ActivationRequest request) {
        StoredVersion stored = ruleset(version).entry();
        String comment = request == null ? null : request.comment();
        Optional<ActivationRules.Refusal> refusal = activationRules.refusal(stored, user(), comment);
        if (refusal.isPresent()) {
            return ProblemMappers.respond(switch (refusal.get()) {
                case REJECTED -> Problem.of("not-activatable", "Conflict", 409, refusal.get().sentence());
                case FOUR_EYES -> Problem.of("four-eyes", "Forbidden", 403, refusal.get().sentence());
                case NO_COMMENT -> Problem.invalidRequest(List.of(new dev.coupondecision.problem.Violation("comment",
                        comment == null ? null : JSON.valueToTree(comment),
                        "why this version should serve, 1 to " + ActivationRules.MAX_COMMENT + " characters")));
            });
        }
        Activation activation = registry.activate(version, user(), comment.strip(), null);
        return Response.ok(activation).build();
    }

    @GET
    @Path("/activations")
    @RolesAllowed({"analyst", "approver"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listActivations", summary = "The audit trail: every activation, newest first")
    public List<Activation> activations() {
        return store.activations();
    }

    public record ReplayRequest(
            @Schema(description = "Replay decisions decided at or after, ISO-8601 with offset", format = "date-time",
                    example = "2026-11-11T00:00:00+08:00") String from,
            @Schema(description = "... and before", format = "date-time", example = "2026-11-12T00:00:00+08:00") String to,
            @Schema(description = "Most decisions replayed, oldest first (default and at most 200000)") Integer limit) {
    }

    @POST
    @Path("/versions/{version}/replay")
    @RolesAllowed({"analyst", "approver"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayDecisionLog", summary = "Impact of a version on real traffic: the logged requests"
            + " of a time range decided by the serving version and by this one",
            description = "The same impact report as a candidate's dry run, on the decision log's requests instead of"
                    + " a synthetic population. Requests kept only as a hash are skipped and counted.")
    @APIResponse(responseCode = "200", description = "The replay and its impact report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LogReplay.ReplayReport.class)))
    @APIResponse(responseCode = "400", description = "A missing or bad from, to or limit; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version did not pass the gate (it does not compile)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replay(@PathParam("version") String version, ReplayRequest request) {
        StoredRuleset stored = ruleset(version);
        List<dev.coupondecision.problem.Violation> violations = new java.util.ArrayList<>();
        java.time.Instant from = DecisionLogResource.instant("from", request == null ? null : request.from(), null, violations);
        java.time.Instant to = DecisionLogResource.instant("to", request == null ? null : request.to(), null, violations);
        if (from == null && violations.stream().noneMatch(v -> v.field().equals("from"))) {
            violations.add(new dev.coupondecision.problem.Violation("from", null, "an ISO-8601 instant with offset (required)"));
        }
        if (to == null && violations.stream().noneMatch(v -> v.field().equals("to"))) {
            violations.add(new dev.coupondecision.problem.Violation("to", null, "an ISO-8601 instant with offset (required)"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new dev.coupondecision.problem.Violation("to", JSON.valueToTree(request.to()),
                    "an instant after from (" + request.from() + ")"));
        }
        int limit = request == null || request.limit() == null ? LogReplay.MAX_DECISIONS : request.limit();
        if (limit < 1 || limit > LogReplay.MAX_DECISIONS) {
            violations.add(new dev.coupondecision.problem.Violation("limit", JSON.valueToTree(limit),
                    "a whole number from 1 to " + LogReplay.MAX_DECISIONS));
        }
        if (!violations.isEmpty()) {
            return ProblemMappers.respond(Problem.invalidRequest(violations));
        }
        if (stored.entry().state() == StoredVersion.State.REJECTED) {
            return ProblemMappers.respond(Problem.of("not-replayable", "Conflict", 409, "version " + version
                    + " did not pass the gate (lint, compile, scenarios); replay a version that did"));
        }
        return Response.ok(replays.replay(stored, from, to, limit), MediaType.APPLICATION_JSON).build();
    }

    private StoredRuleset ruleset(String version) {
        return store.ruleset(version).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no ruleset version " + version));
    }

    private static Map<String, byte[]> filePaths(StoredRuleset stored) {
        return RulesetStore.paths(stored.snapshot());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
