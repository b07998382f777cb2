package dev.coupondecision.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.decision.DecisionMetrics;
import dev.coupondecision.decision.DecisionResponse;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What recording one decision's metrics costs on the request path ({@link DecisionMetrics#record}: the latency timer
 * with its histogram, the decision counter of its tier, coupon and eligibility, one counter per suppression), on a
 * composite registry over Prometheus as in the service, cycling through the answers to {@value #PROFILES} profiles.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class MetricsBenchmark {
    static final int PROFILES = 1024;

    private DecisionMetrics metrics;
    private DecisionResponse[] responses;
    private int next;

    @Setup
    public void setUp() {
        BenchLogging.quiet();
        CompositeMeterRegistry registry = new CompositeMeterRegistry();
        registry.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        metrics = new DecisionMetrics(registry);
        FloorServer.Handler floor = new FloorServer.Handler(BenchProfiles.PARSER, new ObjectMapper());
        List<String> json = BenchProfiles.json(PROFILES, BenchProfiles.SEED);
        responses = new DecisionResponse[PROFILES];
        for (int i = 0; i < PROFILES; i++) {
            responses[i] = floor.respond(BenchProfiles.parse(json.get(i)));
        }
    }

    @Benchmark
    public DecisionResponse record() {
        DecisionResponse response = responses[next];
        next = (next + 1) & (PROFILES - 1);
        metrics.record(response, 21_000);
        return response;
    }
}
