package dev.coupondecision.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.DecisionSink;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestJson;
import dev.coupondecision.hashing.Sha256;
import dev.coupondecision.ruleset.FiredRule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps every decision in the decision log without slowing the decision down: a decision is put on a bounded queue
 * (no work on the request thread beyond that) and one writer thread turns queued decisions into rows and writes them
 * in batches. While the database is down the queue holds the backlog and the writer retries, backing off; past
 * {@code coupon.log.backlog-limit} decisions are answered but not logged, and counted. A graceful shutdown writes the
 * backlog first (for up to {@code coupon.log.drain-timeout}).
 */
@ApplicationScoped
public class DecisionLog implements DecisionSink {
    private static final Logger LOG = Logger.getLogger(DecisionLog.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private record Decided(Instant decidedAt, DecisionRequest request, DecisionResponse response) {
    }

    private final DecisionConfig.Log config;
    private final DecisionLogStore store;
    private final ObjectWriter json;
    private final BlockingQueue<Decided> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final Counter written;
    private final Counter dropped;
    private final Counter failures;
    private volatile boolean running = true;
    private volatile int inFlight;
    private Thread writer;

    @Inject
    public DecisionLog(DecisionConfig config, DecisionLogStore store, ObjectMapper json, MeterRegistry registry) {
        this(config.log(), store, json, registry);
    }

    DecisionLog(DecisionConfig.Log config, DecisionLogStore store, ObjectMapper json, MeterRegistry registry) {
        this.config = config;
        this.store = store;
        this.json = json.writerFor(DecisionResponse.class);
        this.queue = new ArrayBlockingQueue<>(Math.max(1, this.config.backlogLimit()));
        this.written = Counter.builder("coupon.decision.log.written").description("Decisions written to the decision log")
                .register(registry);
        this.dropped = Counter.builder("coupon.decision.log.dropped")
                .description("Decisions answered but not logged: the backlog was full (database down or too slow)")
                .register(registry);
        this.failures = Counter.builder("coupon.decision.log.write.failures")
                .description("Failed writes of a batch of decisions (retried)").register(registry);
        Gauge.builder("coupon.decision.log.backlog", this, log -> log.queue.size() + log.inFlight)
                .description("Decisions waiting to be written to the decision log").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            writer = new Thread(this::writeLoop, "decision-log-writer");
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Writes the backlog before the datasource closes (the HTTP server has stopped taking requests by now). */
    void stop(@Observes ShutdownEvent event) {
        if (writer == null) {
            return;
        }
        boolean drained = flush(config.drainTimeout());
        running = false;
        writer.interrupt();
        if (!drained) {
            LOG.warnf("Shutting down with %d decisions not written to the decision log", queue.size() + inFlight);
        }
    }

    @Override
    public void decided(Instant decidedAt, DecisionRequest request, DecisionResponse response) {
        if (!config.enabled()) {
            return;
        }
        if (queue.offer(new Decided(decidedAt, request, response))) {
            accepted.incrementAndGet();
        } else {
            dropped.increment();
        }
    }

    /**
     * Waits until every decision logged before this call is written (or the timeout passes): reads of the log on this
     * replica then see the decisions it made.
     */
    public boolean flush(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (settled.get() < target) {
            if (System.nanoTime() > deadline || writer == null) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void writeLoop() {
        List<Decided> batch = new ArrayList<>(config.batchSize());
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try {
                if (batch.isEmpty()) {
                    Decided first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, config.batchSize() - 1);
                    inFlight = batch.size();
                }
                store.insert(batch.stream().map(this::entry).toList());
                written.increment(batch.size());
                settled.addAndGet(batch.size());
                batch.clear();
                inFlight = 0;
                backoff = Duration.ofMillis(250);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("Could not write %d decisions to the decision log, retrying in %d ms: %s", batch.size(),
                        backoff.toMillis(), e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    if (!running) {
                        return;
                    }
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private LogEntry entry(Decided decided) {
        DecisionRequest request = decided.request();
        DecisionResponse response = decided.response();
        String requestJson = RequestJson.write(request);
        FiredRule couponRule = response.firedRules().stream().filter(rule -> rule.sets().contains("coupon"))
                .findFirst().orElse(null);
        DecisionResponse.Coupon coupon = response.coupon();
        try {
            return new LogEntry(response.decisionId(), decided.decidedAt(), response.customerId(),
                    request.campaign().id(), request.campaign().type().name(), response.rulesetVersion(),
                    config.storeRequests() ? requestJson : null,
                    Sha256.hex(Sha256.of(requestJson)), response.eligible(),
                    response.suppressions().stream().anyMatch(s -> s.code() == SuppressionCode.HOLDOUT),
                    response.tier() == null ? null : response.tier().name(),
                    coupon == null ? null : coupon.type().name(), coupon == null ? null : coupon.amountOff(),
                    coupon == null ? null : coupon.percentOff(), coupon == null ? null : coupon.experiment(),
                    coupon == null ? null : coupon.variant(), couponRule == null ? null : couponRule.rule(),
                    couponRule == null ? null : couponRule.source(), json.writeValueAsString(response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision could not be written as JSON", e);
        }
    }
}
