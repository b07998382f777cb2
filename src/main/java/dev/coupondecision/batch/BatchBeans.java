package dev.coupondecision.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.DecisionMetrics;
import dev.coupondecision.decision.DecisionService;
import dev.coupondecision.decision.request.RequestParser;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The batch decider and its pool: one thread per core, shared by all batches. */
@ApplicationScoped
public class BatchBeans {
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
        Thread thread = new Thread(task, "batch-decider-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Produces
    @ApplicationScoped
    BatchDecider batchDecider(ObjectMapper json, RequestParser parser, DecisionService decisions,
                              DecisionMetrics metrics, DecisionConfig config) {
        BatchLimits limits = new BatchLimits(config.batch().maxLines(), config.batch().maxLineLength());
        return new BatchDecider(json, parser, decisions, metrics, pool, threads, limits);
    }

    void shutdown(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
