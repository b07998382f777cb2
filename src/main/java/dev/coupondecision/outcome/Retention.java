package dev.coupondecision.outcome;

import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decisionlog.DecisionLogStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes decisions and outcomes older than {@code coupon.log.retention} once a day (and shortly after start). Every
 * replica may run it; deleting the same rows twice is harmless.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final DecisionConfig.Log config;
    private final DecisionLogStore decisions;
    private final OutcomeStore outcomes;
    private final Clock clock;

    public Retention(DecisionConfig config, DecisionLogStore decisions, OutcomeStore outcomes, Clock clock) {
        this.config = config.log();
        this.decisions = decisions;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Scheduled(every = "24h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            Instant cutoff = clock.instant().minus(config.retention());
            int deletedDecisions = decisions.deleteDecidedBefore(cutoff);
            int deletedOutcomes = outcomes.deleteBefore(cutoff);
            if (deletedDecisions + deletedOutcomes > 0) {
                LOG.infof("Retention: deleted %d decisions and %d outcomes from before %s", deletedDecisions,
                        deletedOutcomes, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Retention could not delete old decisions and outcomes (tried again tomorrow): %s", e.getMessage());
        }
    }
}
