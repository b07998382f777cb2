package dev.coupondecision.impact;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.coupondecision.activation.CompiledVersions;
import dev.coupondecision.activation.RulesetRegistry;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.decisionlog.DecisionHistory;
import dev.coupondecision.decisionlog.StoredDecision;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.store.StoredRuleset;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Impact on real traffic: the requests of the decision log in a time range re-decided by the ruleset serving now and by
 * another stored version (a candidate, or an old one to roll back to), compared as the dry run compares them on a
 * synthetic population. Requests kept only as a hash (coupon.log.store-requests=false) cannot be replayed and are
 * counted as skipped.
 */
@ApplicationScoped
public class LogReplay {
    public static final int MAX_DECISIONS = 200_000;
    private static final int SKIPPED_EXAMPLES = 10;

    private final DecisionHistory history;
    private final RequestParser parser;
    private final CompiledVersions versions;
    private final RulesetRegistry registry;
    private final ExecutorService pool;

    public LogReplay(DecisionHistory history, RequestParser parser, CompiledVersions versions, RulesetRegistry registry,
                     ExecutorService managedExecutor) {
        this.history = history;
        this.parser = parser;
        this.versions = versions;
        this.registry = registry;
        this.pool = managedExecutor;
    }

    /** What a replay re-decided, and the impact of the version on it. */
    @JsonPropertyOrder({"from", "to", "logged", "replayed", "impact"})
    @Schema(requiredProperties = {"from", "to", "logged", "replayed", "impact"})
    public record ReplayReport(
            @Schema(format = "date-time") String from,
            @Schema(format = "date-time") String to,
            @Schema(description = "Decisions logged in the range (at most " + MAX_DECISIONS + ", oldest first)") int logged,
            @Schema(description = "Of them, re-decided: the others had no stored request") int replayed,
            ImpactReport impact) {
    }

    /** @throws dev.coupondecision.ruleset.RulesetException when the version does not compile (a rejected one) */
    public ReplayReport replay(StoredRuleset version, Instant from, Instant to, int limit) {
        CompiledRuleset candidate = versions.of(version);
        List<StoredDecision> logged = history.decidedBetween(from, to, Math.min(limit, MAX_DECISIONS));
        List<DecisionRequest> requests = new ArrayList<>(logged.size());
        List<String> skipped = new ArrayList<>();
        int skippedCount = 0;
        for (StoredDecision decision : logged) {
            String why = null;
            if (decision.request() == null) {
                why = "request not stored (coupon.log.store-requests=false)";
            } else {
                try {
                    requests.add(parser.parse(decision.request().getBytes(StandardCharsets.UTF_8)));
                } catch (IOException | InvalidRequestException e) {
                    why = "stored request no longer valid: " + e.getMessage();
                }
            }
            if (why != null) {
                skippedCount++;
                if (skipped.size() < SKIPPED_EXAMPLES) {
                    skipped.add("decision " + decision.decisionId() + ": " + why);
                }
            }
        }
        Population population = new Population("decision log: " + logged.size() + " decisions decided from " + from
                + " to " + to, requests, skippedCount, skipped);
        ImpactReport impact = ImpactAnalyzer.analyze(population, registry.serving(), candidate, pool);
        return new ReplayReport(from.toString(), to.toString(), logged.size(), requests.size(), impact);
    }
}
