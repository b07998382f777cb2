package dev.coupondecision.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.DecisionMetrics;
import dev.coupondecision.decision.DecisionService;
import dev.coupondecision.decision.request.RequestParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.concurrent.ExecutorService;

/** The batch decider: chunks decided on Quarkus' managed executor, one in flight per core (and one more each queued). */
public class BatchDeciderProducer {

    @Produces
    @ApplicationScoped
    BatchDecider batchDecider(ObjectMapper json, RequestParser parser, DecisionService decisions,
                              DecisionMetrics metrics, DecisionConfig config, ExecutorService managedExecutor) {
        BatchLimits limits = new BatchLimits(config.batch().maxLines(), config.batch().maxLineLength());
        return new BatchDecider(json, parser, decisions, metrics, managedExecutor,
                Runtime.getRuntime().availableProcessors(), limits);
    }
}
