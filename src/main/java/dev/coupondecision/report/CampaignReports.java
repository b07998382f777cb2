package dev.coupondecision.report;

import dev.coupondecision.decisionlog.DecisionLog;
import dev.coupondecision.decisionlog.DecisionLogStore;
import dev.coupondecision.decisionlog.CampaignDecision;
import dev.coupondecision.outcome.OutcomeStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reports on campaigns from the decision log and the outcomes (decisions made here are written first). */
@ApplicationScoped
public class CampaignReports {
    private final DecisionLog log;
    private final DecisionLogStore decisions;
    private final OutcomeStore outcomes;

    public CampaignReports(DecisionLog log, DecisionLogStore decisions, OutcomeStore outcomes) {
        this.log = log;
        this.decisions = decisions;
        this.outcomes = outcomes;
    }

    /** The report, or empty when no decision of the campaign is logged. */
    public Optional<CampaignReport> of(String campaignId) {
        log.flush(Duration.ofSeconds(5));
        List<CampaignDecision> logged = decisions.campaign(campaignId);
        if (logged.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CampaignReporter.report(campaignId, logged, outcomes.campaign(campaignId)));
    }

    /** The campaigns with logged decisions, with how many decisions each, most recently decided first. */
    public List<DecisionLogStore.CampaignSummary> campaigns() {
        log.flush(Duration.ofSeconds(5));
        return decisions.campaigns();
    }
}
