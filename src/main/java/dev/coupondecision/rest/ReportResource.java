package dev.coupondecision.rest;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.problem.Violation;
import dev.coupondecision.report.CampaignReport;
import dev.coupondecision.report.CampaignReports;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** What campaigns caused: redemption, uplift over the holdout group and money, per coupon and per table row. */
@Path("/reports/campaigns")
@RolesAllowed("analyst")
@Tag(name = "Reports")
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class ReportResource {
    private final CampaignReports reports;

    public ReportResource(CampaignReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{campaignId}")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "campaignReport", summary = "A campaign's redemption and uplift over its holdout group",
            description = "Customers are those decided in the campaign, each in the group of their latest decision;"
                    + " outcomes match by customer and campaign. Intervals: two-proportion normal approximation.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignReport.class)))
    @APIResponse(responseCode = "400", description = "Not a campaign id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No decision of this campaign in the decision log",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("campaignId") String campaignId) {
        if (!RequestParser.isId(campaignId)) {
            return ProblemMappers.respond(Problem.invalidQuery(
                    List.of(new Violation("campaignId", TextNode.valueOf(campaignId), RequestParser.ID_EXPECTED))));
        }
        return reports.of(campaignId).map(report -> Response.ok(report, MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> ProblemMappers.respond(Problem.of("campaign-not-found", "Campaign not found", 404,
                        "No decision of campaign " + campaignId + " in the decision log (decisions name their campaign"
                                + " in campaign.id)")));
    }
}
