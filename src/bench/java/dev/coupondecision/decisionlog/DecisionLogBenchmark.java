package dev.coupondecision.decisionlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.bench.BenchLogging;
import dev.coupondecision.bench.BenchProfiles;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.ruleset.CompiledRuleset;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The decision log's writer on the embedded H2 file database that {@code java -jar} uses: one operation is one decision
 * handed to {@link DecisionLog} and written (JSON, hash, batched insert), measured over batches of {@value #BATCH}
 * decisions up to the moment the writer has written them all. {@code new} decisions each have their own id, as real
 * traffic does; {@code repeated} sends the same decisions again (a retried request or batch), which the log keeps once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class DecisionLogBenchmark {
    static final int BATCH = 1_000;

    @Param({"new", "repeated"})
    public String decisions;

    private Path directory;
    private DecisionLog log;
    private CompiledRuleset ruleset;
    private List<String> bodies;
    private DecisionRequest[] requests = new DecisionRequest[BATCH];
    private DecisionResponse[] responses = new DecisionResponse[BATCH];
    private int round;
    private Connection keepOpen;

    @Setup
    public void setUp() throws IOException, SQLException {
        BenchLogging.quiet();
        ruleset = ReferenceRuleset.get();
        bodies = BenchProfiles.json(BATCH, BenchProfiles.SEED);
        directory = Files.createTempDirectory("decision-log-bench");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + directory.resolve("ruleset-store"));
        h2.setUser("coupon");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        // held open for the whole run, as the service's connection pool does: H2 closes the database with its last
        // connection
        keepOpen = h2.getConnection();
        log = new DecisionLog(config(), new DecisionLogStore(h2), new ObjectMapper(), new SimpleMeterRegistry());
        log.start(null);
        decideRound();
    }

    /** The next batch's decisions, decided before the measured operation: new customers each round, or the same. */
    @Setup(Level.Invocation)
    public void decideRound() {
        if (responses[0] != null && decisions.equals("repeated")) {
            return;
        }
        round++;
        for (int i = 0; i < BATCH; i++) {
            String body = bodies.get(i).replaceFirst("\"customerId\":\"[^\"]*\"",
                    "\"customerId\":\"r" + round + "-" + i + "\"");
            requests[i] = BenchProfiles.parse(body);
            responses[i] = Decider.decide(requests[i], ruleset);
        }
    }

    @TearDown
    public void tearDown() throws IOException, SQLException {
        log.stop(null);
        keepOpen.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public boolean logAndWrite() {
        Instant now = Instant.now();
        for (int i = 0; i < BATCH; i++) {
            log.decided(now, requests[i], responses[i]);
        }
        if (!log.flush(Duration.ofMinutes(1))) {
            throw new IllegalStateException("the writer did not write a batch within a minute");
        }
        return true;
    }

    private static DecisionConfig.Log config() {
        return new DecisionConfig.Log() {
            public boolean enabled() { return true; }
            public boolean storeRequests() { return true; }
            public Duration retention() { return Duration.ofDays(400); }
            public int backlogLimit() { return 20_000; }
            public int batchSize() { return 1_000; }
            public Duration historyWindow() { return Duration.ofDays(90); }
            public Duration drainTimeout() { return Duration.ofSeconds(30); }
        };
    }
}
