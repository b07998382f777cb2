package dev.coupondecision.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Decision metrics for Prometheus: decisions by tier, coupon type and eligibility, suppressions by code,
 * decision latency and batch sizes. Counters are cached per tag combination so recording stays cheap.
 */
@ApplicationScoped
public class DecisionMetrics {
    private final MeterRegistry registry;
    private final Timer latency;
    private final DistributionSummary batchSizes;
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> suppressions = new ConcurrentHashMap<>();

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("coupon.decision.latency")
                .description("Time to decide one customer, from parsed request to decision")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofMillis(100))
                .register(registry);
        this.batchSizes = DistributionSummary.builder("coupon.batch.size")
                .description("Requests per batch")
                .baseUnit("requests")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(1_000_000.0)
                .register(registry);
    }

    public void record(DecisionResponse decision, long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        String tier = String.valueOf(decision.tier());
        String coupon = decision.coupon() == null ? "none" : decision.coupon().type().name();
        String eligible = Boolean.toString(decision.eligible());
        decisions.computeIfAbsent(tier + '|' + coupon + '|' + eligible, key -> Counter.builder("coupon.decisions")
                .description("Decisions made")
                .tag("tier", tier).tag("coupon", coupon).tag("eligible", eligible)
                .register(registry)).increment();
        for (DecisionResponse.SuppressionView suppression : decision.suppressions()) {
            String code = suppression.code().name();
            suppressions.computeIfAbsent(code, key -> Counter.builder("coupon.suppressions")
                    .description("Suppressions by code")
                    .tag("code", code)
                    .register(registry)).increment();
        }
    }

    public void batchSize(long requests) {
        batchSizes.record(requests);
    }
}
