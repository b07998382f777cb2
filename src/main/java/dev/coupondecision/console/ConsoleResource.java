package dev.coupondecision.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.activation.ActivationRules;
import dev.coupondecision.activation.CompiledVersions;
import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.activation.RulesetRegistry;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.impact.CandidateSubmission;
import dev.coupondecision.impact.DryRunReport;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.FiredRule;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.scenario.ScenarioJson;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.scenario.ScenarioRecorder;
import dev.coupondecision.store.Activation;
import dev.coupondecision.store.RulesetStore;
import dev.coupondecision.store.StoredRuleset;
import dev.coupondecision.store.StoredVersion;
import dev.coupondecision.store.VersionDiff;
import dev.coupondecision.upload.InvalidUploadException;
import dev.coupondecision.upload.UploadedRuleFiles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The analysts' console: server-rendered pages (Qute) made lively with htmx. Overview, the tables as grids, handing
 * in a candidate with its findings on the grid, its failing scenarios and impact charts, the history with compare,
 * approval and rollback, and a simulator that marks the rows that fired. Every page needs a console login (form
 * authentication, see {@link dev.coupondecision.security.ConsoleUsers}); every POST needs the page's anti-forgery
 * token ({@link ConsoleCsrf}). It is not part of the API description (mp.openapi.scan.exclude.packages).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());
    private static final Pattern SCENARIO_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}");
    private static final String PROFILE_EXAMPLE = """
            {
              "customerId": "c-1001",
              "asOf": "2026-11-20T12:00:00+08:00",
              "smsConsent": true,
              "orderCount": 2,
              "ordersLast90Days": 1,
              "spendLast365Days": 300,
              "lastPurchaseDate": "2026-08-19",
              "favoriteCategory": "beauty"
            }""";

    @Location("console/login") Template login;
    @Location("console/overview") Template overview;
    @Location("console/tables") Template tables;
    @Location("console/candidate") Template candidate;
    @Location("console/candidate-result") Template candidateResult;
    @Location("console/versions") Template versions;
    @Location("console/version") Template version;
    @Location("console/diff") Template diff;
    @Location("console/simulate") Template simulate;
    @Location("console/simulate-result") Template simulateResult;

    private final RulesetStore store;
    private final RulesetRegistry registry;
    private final RulesetVerifier verifier;
    private final CandidateSubmission candidates;
    private final SecurityIdentity identity;
    private final DecisionConfig config;
    private final CompiledVersions compiled;
    private final WorkbookLimits limits;
    private final RequestParser parser;
    private final Clock clock;
    private final ConsolePages pages;
    private final ActivationRules activationRules;

    public ConsoleResource(RulesetStore store, RulesetRegistry registry, RulesetVerifier verifier,
                           CandidateSubmission candidates, SecurityIdentity identity,
                           DecisionConfig config, CompiledVersions compiled, Clock clock, ConsolePages pages,
                           ActivationRules activationRules) {
        this.pages = pages;
        this.activationRules = activationRules;
        this.store = store;
        this.registry = registry;
        this.verifier = verifier;
        this.candidates = candidates;
        this.identity = identity;
        this.config = config;
        this.compiled = compiled;
        this.limits = WorkbookLimits.from(config.ruleFiles());
        this.parser = new RequestParser(clock, config.defaultTimezone());
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- login

    @GET
    @Path("/login")
    @PermitAll
    public String login(@QueryParam("error") String error) {
        return login.data("error", error != null).render();
    }

    @POST
    @Path("/logout")
    @RolesAllowed({"analyst", "approver"})
    public Response logout() {
        return Response.seeOther(URI.create("/console/login"))
                .header("HX-Redirect", "/console/login")
                .cookie(new NewCookie.Builder("coupon-console").value("").path("/").maxAge(0).build()).build();
    }

    // ---------------------------------------------------------------------------------------------- pages

    @GET
    @RolesAllowed({"analyst", "approver"})
    public String overview() {
        RulesetCheck serving = registry.servingCheck().orElseThrow();
        List<StoredVersion> all = store.versions();
        StoredVersion active = all.stream().filter(v -> v.state() == StoredVersion.State.ACTIVE).findFirst().orElse(null);
        List<StoredVersion> pending = all.stream().filter(v -> v.state() == StoredVersion.State.PASSED).toList();
        return page(overview).data("active", active).data("serving", serving)
                .data("rulesPerTable", new TreeMap<>(serving.compiled().rulesPerSource()))
                .data("pending", pending).data("lastCandidate", registry.lastCandidate().orElse(null)).render();
    }

    @GET
    @Path("/tables")
    @RolesAllowed({"analyst", "approver"})
    public String tables(@QueryParam("version") String version) {
        StoredRuleset stored = ruleset(version);
        return page(tables).data("entry", stored.entry())
                .data("grids", Grid.of(stored.snapshot().files(), List.of(), Set.of())).render();
    }

    @GET
    @Path("/candidates")
    @RolesAllowed("analyst")
    public String candidateForm() {
        return page(candidate).render();
    }

    @POST
    @Path("/candidates")
    @RolesAllowed("analyst")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String submit(@RestForm(FileUpload.ALL) List<FileUpload> parts, @RestForm("comment") String comment) {
        UploadedRuleFiles.Upload upload;
        try {
            upload = UploadedRuleFiles.readDropped(parts, limits);
        } catch (InvalidUploadException e) {
            return candidateResult.data("refused", e.violations().stream().map(v -> (v.rejectedValue() == null ? "(no file)"
                    : v.rejectedValue().asText()) + ": expected " + v.expected()).toList()).data("report", null).render();
        }
        if (upload.rules().isEmpty() && upload.scenarios().isEmpty()) {
            return candidateResult.data("refused", List.of("drop at least one file")).data("report", null).render();
        }
        DryRunReport report;
        try {
            report = candidates.submit(upload.rules(), upload.scenarios(), false,
                    new RulesetStore.Origin(user(), "upload:console", comment == null || comment.isBlank() ? null : comment.strip()));
        } catch (IllegalArgumentException e) {
            return candidateResult.data("refused", List.of(e.getMessage())).data("report", null).render();
        }
        StoredRuleset stored = store.ruleset(report.candidateVersion()).orElseThrow();
        return candidateResult.data("refused", List.of()).data("report", report).data("entry", stored.entry())
                .data("grids", Grid.of(stored.snapshot().files(), report.findings(), Set.of()))
                .data("heatMap", report.impact() == null ? null : ImpactCharts.heatMap(report.impact().tierMatrix()))
                .data("couponBars", report.impact() == null ? null : ImpactCharts.bars(report.impact().couponTypeChanges()))
                .data("eligibilityBars", report.impact() == null ? null : ImpactCharts.bars(report.impact().eligibilityChanges()))
                .render();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({"analyst", "approver"})
    public String versions() {
        return page(versions).data("versions", store.versions()).data("activations", store.activations()).render();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({"analyst", "approver"})
    public String version(@PathParam("version") String versionId) throws IOException {
        StoredRuleset stored = ruleset(versionId);
        JsonNode report = JSON.readTree(stored.reportJson());
        List<dev.coupondecision.ruleset.Finding> findings = new ArrayList<>();
        for (JsonNode finding : report.path("findings")) {
            findings.add(JSON.treeToValue(finding, dev.coupondecision.ruleset.Finding.class));
        }
        boolean mayActivate = identity.hasRole("approver") && stored.entry().state() != StoredVersion.State.ACTIVE
                && stored.entry().state() != StoredVersion.State.REJECTED;
        boolean ownVersion = activationRules.handedInBy(stored.entry(), user());
        return page(version).data("entry", stored.entry()).data("findings", findings)
                .data("failures", report.path("scenarios").path("failures"))
                .data("grids", Grid.of(stored.snapshot().files(), findings, Set.of()))
                .data("mayActivate", mayActivate && !ownVersion).data("ownVersion", mayActivate && ownVersion)
                .data("active", registry.serving().version()).render();
    }

    @POST
    @Path("/versions/{version}/activate")
    @RolesAllowed("approver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@PathParam("version") String versionId, @FormParam("comment") String comment) {
        StoredVersion entry = ruleset(versionId).entry();
        var refusal = activationRules.refusal(entry, user(), comment);
        if (refusal.isPresent()) {
            return Response.status(409).type(MediaType.TEXT_HTML).entity("<p class=\"error\" id=\"activate-error\">"
                    + refusal.get().sentence() + "</p>").build();
        }
        Activation activation = registry.activate(versionId, user(), comment.strip(), null);
        return Response.ok("<p class=\"ok\" id=\"activated\">Activated " + activation.version() + "</p>")
                .header("HX-Redirect", "/console/versions/" + versionId).build();
    }

    @GET
    @Path("/diff")
    @RolesAllowed({"analyst", "approver"})
    public String diff(@QueryParam("from") String from, @QueryParam("to") String to) {
        VersionDiff changes = VersionDiff.between(from, ruleset(from).snapshot(), to, ruleset(to).snapshot());
        return page(diff).data("diff", changes).render();
    }

    @GET
    @Path("/simulate")
    @RolesAllowed({"analyst", "approver"})
    public String simulateForm(@QueryParam("version") String versionId) {
        StoredRuleset stored = ruleset(versionId);
        return page(simulate).data("entry", stored.entry()).data("versions", store.versions().stream()
                .filter(v -> v.state() != StoredVersion.State.REJECTED).toList()).data("profile", PROFILE_EXAMPLE).render();
    }

    @POST
    @Path("/simulate")
    @RolesAllowed({"analyst", "approver"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String simulate(@FormParam("version") String versionId, @FormParam("profile") String profile) {
        StoredRuleset stored = ruleset(versionId);
        JsonNode request;
        try {
            request = JSON.readTree(profile == null ? "" : profile);
            if (request == null || !request.isObject()) {
                throw new IllegalArgumentException("the profile is a JSON object like the body of POST /decide");
            }
            if (!request.hasNonNull("asOf")) {
                ((ObjectNode) request).put("asOf", java.time.OffsetDateTime.now(clock).withNano(0).toString());
            }
            CompiledRuleset rules = compiled.of(stored);
            DecisionResponse decision = Decider.decide(parser.parse(request), rules);
            Set<String> fired = new HashSet<>();
            decision.firedRules().stream().map(FiredRule::source).forEach(fired::add);
            return simulateResult.data("error", null).data("decision", decision).data("entry", stored.entry())
                    .data("grids", Grid.of(stored.snapshot().files(), List.of(), fired))
                    .data("decisionJson", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(decision))
                    .data("profile", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(request))
                    .data("analyst", identity.hasRole("analyst"))
                    .data("canSave", stored.entry().state() == StoredVersion.State.PASSED).render();
        } catch (InvalidRequestException e) {
            return simulateResult.data("error", "The service would refuse this profile: " + e.violations().stream()
                    .map(v -> v.field() + " " + v.expected()).toList()).render();
        } catch (IOException | IllegalArgumentException e) {
            return simulateResult.data("error", e.getMessage()).render();
        }
    }

    /**
     * "Save as scenario": on a candidate under review the scenario joins its scenarios (checked by the gate again);
     * for any other version it is offered as a file to add to scenarios/ with the next change.
     */
    @POST
    @Path("/simulate/scenario")
    @RolesAllowed("analyst")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveScenario(@FormParam("version") String versionId, @FormParam("profile") String profile,
                                 @FormParam("name") String name, @FormParam("folder") String folder) {
        if (name == null || !SCENARIO_NAME.matcher(name).matches() || folder == null || !SCENARIO_NAME.matcher(folder).matches()) {
            return html(400, "<p class=\"error\" id=\"scenario-saved\">Name and folder: lower-case letters, digits and"
                    + " dashes, e.g. vip-near-birthday in coupons.</p>");
        }
        StoredRuleset stored = ruleset(versionId);
        try {
            ObjectNode scenario = new ScenarioRecorder(clock, config.defaultTimezone()).record(
                    Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('-', ' '), null,
                    JSON.readTree(profile), compiled.of(stored)).scenario();
            byte[] content = ScenarioJson.write(scenario).getBytes(StandardCharsets.UTF_8);
            String path = folder + "/" + name + ".json";
            if (stored.entry().state() != StoredVersion.State.PASSED) {
                return Response.ok(content, MediaType.APPLICATION_JSON).header("Content-Disposition",
                        "attachment; filename=\"" + folder + "__" + name + ".json\"").build();
            }
            Map<String, byte[]> scenarios = new TreeMap<>(stored.snapshot().scenarios().files());
            scenarios.put(path, content);
            RulesetSnapshot withScenario = new RulesetSnapshot(stored.snapshot().files(), ScenarioLoader.read(scenarios));
            RulesetCheck check = verifier.verify(withScenario);
            if (!check.accepted() || !store.addScenario(versionId, path, content, withScenario.key())) {
                return html(409, "<p class=\"error\" id=\"scenario-saved\">Not saved: " + escape(check.accepted()
                        ? "the version is no longer a candidate" : check.report()) + "</p>");
            }
            return html(200, "<p class=\"ok\" id=\"scenario-saved\">Saved as scenarios/" + escape(path) + " in candidate "
                    + versionId + ".</p>");
        } catch (InvalidRequestException | IOException | IllegalArgumentException e) {
            return html(400, "<p class=\"error\" id=\"scenario-saved\">" + escape(e.getMessage()) + "</p>");
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A full page: the layout's data (user, roles, anti-forgery token) added. */
    private TemplateInstance page(Template template) {
        return pages.page(template);
    }

    private StoredRuleset ruleset(String versionId) {
        String id = versionId == null || versionId.isBlank() ? registry.serving().version() : versionId;
        return store.ruleset(id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no ruleset version " + id));
    }

    private String user() {
        return pages.user();
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(body).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
