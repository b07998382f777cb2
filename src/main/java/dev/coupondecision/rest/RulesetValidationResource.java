package dev.coupondecision.rest;

import dev.coupondecision.upload.UploadedRuleFiles;
import dev.coupondecision.activation.RulesetRegistry;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.impact.CandidateFiles;
import dev.coupondecision.impact.DryRunReport;
import dev.coupondecision.impact.RulesetDryRun;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/**
 * Dry run of a rule change: the uploaded files are laid over the active ruleset's files and checked like a
 * reload would check them, and the result is compared with the active rules on the impact population.
 * Nothing is ever activated here.
 */
@Path("/rulesets/validate")
@RolesAllowed("analyst")
@Tag(name = "Rulesets")
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class RulesetValidationResource {
    private final RulesetRegistry registry;
    private final RulesetDryRun dryRun;
    private final WorkbookLimits limits;

    public RulesetValidationResource(RulesetRegistry registry, RulesetDryRun dryRun, DecisionConfig config) {
        this.registry = registry;
        this.dryRun = dryRun;
        this.limits = WorkbookLimits.from(config.ruleFiles());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "validateRuleset",
            summary = "Check edited rule files against the active ruleset without activating them",
            description = "Each file part replaces the active file of the same name (or adds one). The answer holds "
                    + "the findings with their cells, the regression scenarios, and the impact on the population: "
                    + "tier transitions, coupon-type, eligibility and coupon-term changes with example customers.")
    @APIResponse(responseCode = "200", description = "The verdict; accepted is false when the candidate would be rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DryRunReport.class)))
    @APIResponse(responseCode = "400", description = "A part is not a usable .xlsx or .drl upload; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DryRunReport validate(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        var uploads = UploadedRuleFiles.read(files, limits);
        CompiledRuleset active = registry.serving();
        RulesetSnapshot candidate = new RulesetSnapshot(CandidateFiles.overlay(active.files(), uploads),
                registry.servingSnapshot().scenarios());
        return dryRun.run(candidate, active);
    }
}
