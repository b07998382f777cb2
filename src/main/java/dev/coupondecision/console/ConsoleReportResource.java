package dev.coupondecision.console;

import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.report.CampaignReport;
import dev.coupondecision.report.CampaignReports;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The campaign reports in the console: which campaigns were decided, and what each caused over its holdout group. */
@Path("/console/reports")
@RolesAllowed({"analyst", "approver"})
@Produces(MediaType.TEXT_HTML)
public class ConsoleReportResource {
    @Location("console/reports") Template reports;
    @Location("console/report") Template report;

    private final ConsolePages pages;
    private final CampaignReports campaignReports;

    public ConsoleReportResource(ConsolePages pages, CampaignReports campaignReports) {
        this.pages = pages;
        this.campaignReports = campaignReports;
    }

    /** A group's row of the report table, its rate as a percentage. */
    public record GroupRow(String name, dev.coupondecision.report.GroupStats stats, String rate) {
    }

    @GET
    @Blocking
    public Response list(@QueryParam("campaignId") String campaignId) {
        if (campaignId != null && !campaignId.isBlank()) {
            return Response.seeOther(URI.create("/console/reports/" + campaignId.strip())).build();
        }
        return Response.ok(pages.page(reports).data("campaigns", campaignReports.campaigns()).render()).build();
    }

    @GET
    @Path("/{campaignId}")
    @Blocking
    public Response campaign(@PathParam("campaignId") String campaignId) {
        Optional<CampaignReport> found = RequestParser.isId(campaignId)
                ? campaignReports.of(campaignId) : Optional.empty();
        if (found.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_HTML).entity(pages.page(reports)
                    .data("campaigns", campaignReports.campaigns()).data("missing", campaignId).render()).build();
        }
        CampaignReport r = found.get();
        Map<String, Object> forests = new LinkedHashMap<>();
        r.breakdowns().forEach((name, segments) -> forests.put(name, ReportCharts.forest(segments)));
        java.util.List<GroupRow> groups = new java.util.ArrayList<>();
        r.groups().forEach((name, stats) -> groups.add(new GroupRow(name, stats, ReportCharts.rate(stats.redemptionRate()))));
        return Response.ok(pages.page(report).data("report", r).data("rates", ReportCharts.rates(r.groups()))
                .data("groups", groups)
                .data("uplift", ReportCharts.percent(r.uplift().absolute()))
                .data("low", r.uplift().ci95() == null ? "–" : ReportCharts.percent(r.uplift().ci95().get(0)))
                .data("high", r.uplift().ci95() == null ? "–" : ReportCharts.percent(r.uplift().ci95().get(1)))
                .data("forests", forests).render()).build();
    }
}
