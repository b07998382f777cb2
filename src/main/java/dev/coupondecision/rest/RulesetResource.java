package dev.coupondecision.rest;

import dev.coupondecision.activation.FolderWatcher;
import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.activation.RulesetMetrics;
import dev.coupondecision.activation.RulesetRegistry;
import dev.coupondecision.activation.ScenarioSummary;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleArchive;
import dev.coupondecision.ruleset.RuleFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What ruleset serves, how the last change went, and a way to pick up changed files now. */
@Path("/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("analyst")
@Tag(name = "Rulesets")
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class RulesetResource {
    private final RulesetRegistry registry;
    private final FolderWatcher folders;
    private final RulesetMetrics metrics;

    public RulesetResource(RulesetRegistry registry, FolderWatcher folders, RulesetMetrics metrics) {
        this.registry = registry;
        this.folders = folders;
        this.metrics = metrics;
    }

    /** The active ruleset: its files, rules per table and how it did on the regression scenarios. */
    public record ActiveRuleset(String version, Instant loadedAt, List<FileView> files, Map<String, Integer> rulesPerTable,
                                @Schema(nullable = true, description = "How the version did on its regression scenarios;"
                                        + " null while they run again after it was loaded from the store (seconds)")
                                ScenarioSummary scenarios) {
    }

    public record FileView(String name, RuleFile.Kind kind, String sha256) {
    }

    /** The active version and the last candidate seen on disk, with its findings when it was rejected. */
    public record Status(String activeVersion, Instant activeSince, long reloadSuccesses, long reloadFailures,
                         @Schema(nullable = true, description = "The last changed ruleset checked; null before any")
                         RulesetCheck lastCandidate) {
    }

    public record ReloadResult(FolderWatcher.Outcome outcome, Status status) {
    }

    @GET
    @Path("/active")
    @Operation(operationId = "getActiveRuleset", summary = "The ruleset serving decisions now")
    public ActiveRuleset active() {
        RulesetCheck check = registry.servingCheck().orElseThrow();
        CompiledRuleset ruleset = check.compiled();
        List<FileView> files = ruleset.files().files().stream()
                .map(f -> new FileView(f.name(), f.kind(), f.sha256())).toList();
        return new ActiveRuleset(ruleset.version(), ruleset.loadedAt(), files, ruleset.rulesPerSource(), check.scenarios());
    }

    @GET
    @Path("/active/files")
    @Produces("application/zip")
    @Operation(operationId = "getActiveRuleFiles", summary = "The active ruleset's files as a zip (rules/*.drl,"
            + " decision-tables/*.xlsx), e.g. to compare a working copy with what serves")
    @APIResponse(responseCode = "200", description = "The rule files",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response activeFiles() {
        CompiledRuleset ruleset = registry.serving();
        return Response.ok(RuleArchive.write(ruleset.files()))
                .header("Content-Disposition", "attachment; filename=\"ruleset-" + ruleset.version() + ".zip\"")
                .header("X-Ruleset-Version", ruleset.version()).build();
    }

    @GET
    @Path("/status")
    @Operation(operationId = "getRulesetStatus", summary = "Active version and the outcome of the last candidate, with its findings")
    public Status status() {
        CompiledRuleset ruleset = registry.serving();
        return new Status(ruleset.version(), ruleset.loadedAt(), metrics.activations(), metrics.rejections(),
                registry.lastCandidate().orElse(null));
    }

    @POST
    @Path("/reload")
    @Operation(operationId = "reloadRulesets", summary = "Check the rule directories now and activate a changed ruleset that passes every check")
    public ReloadResult reload() {
        FolderWatcher.Outcome outcome = folders.reload();
        return new ReloadResult(outcome, status());
    }
}
