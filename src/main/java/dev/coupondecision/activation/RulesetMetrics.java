package dev.coupondecision.activation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ruleset metrics: the active version as an info metric, reload outcomes, and whether a rejected candidate is
 * waiting (1 until a later candidate is activated: an alert fires when it stays 1).
 */
@ApplicationScoped
public class RulesetMetrics {
    private final MultiGauge activeVersion;
    private final Counter reloadSuccesses;
    private final Counter reloadFailures;
    private final AtomicInteger candidateRejected = new AtomicInteger();

    public RulesetMetrics(MeterRegistry registry) {
        this.activeVersion = MultiGauge.builder("coupon.ruleset.info")
                .description("The active ruleset version (value 1, version as a label)")
                .register(registry);
        this.reloadSuccesses = Counter.builder("coupon.ruleset.reloads").tag("outcome", "activated")
                .description("Changed rulesets checked, by outcome").register(registry);
        this.reloadFailures = Counter.builder("coupon.ruleset.reloads").tag("outcome", "rejected")
                .description("Changed rulesets checked, by outcome").register(registry);
        Gauge.builder("coupon.ruleset.candidate.rejected", candidateRejected, AtomicInteger::get)
                .description("1 while the newest candidate ruleset was rejected and an older version keeps serving")
                .register(registry);
    }

    void activated(String version, boolean reload) {
        activeVersion.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
        candidateRejected.set(0);
        if (reload) {
            reloadSuccesses.increment();
        }
    }

    void rejected() {
        reloadFailures.increment();
        candidateRejected.set(1);
    }

    /** Changed rulesets activated since start. */
    public long activations() {
        return (long) reloadSuccesses.count();
    }

    /** Changed rulesets rejected since start (including folders that could not be read). */
    public long rejections() {
        return (long) reloadFailures.count();
    }
}
