package dev.coupondecision.outcome;

import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.RecordedContacts;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestParser;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * The SENT outcomes recorded for a customer as the contact history of a request that has none: the frequency caps
 * then hold across replicas and channels without the CRM sending the history. Reaches back
 * {@code coupon.log.history-window} (90 days) from the request's asOf, at most as many sends as a request may list.
 */
@ApplicationScoped
public class RecordedSends implements RecordedContacts {
    private final DecisionConfig.Log config;
    private final OutcomeStore outcomes;

    public RecordedSends(DecisionConfig config, OutcomeStore outcomes) {
        this.config = config.log();
        this.outcomes = outcomes;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public List<DecisionRequest.Contact> sentTo(String customerId, Instant asOf) {
        return outcomes.sentTo(customerId, asOf.minus(config.historyWindow()), asOf, RequestParser.MAX_CONTACT_HISTORY);
    }
}
