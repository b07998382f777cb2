package dev.coupondecision.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.batch.BatchDecider;
import dev.coupondecision.batch.BatchLimits;
import dev.coupondecision.decision.CustomerFacts;
import dev.coupondecision.decision.DecisionMetrics;
import dev.coupondecision.decision.DecisionService;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.ruleset.CompiledRuleset;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * (c) A batch of {@value #BATCH} profiles in process. Scores are profiles per second (one operation = one
 * profile, {@code @OperationsPerInvocation}). Compares one evaluate call per profile on one thread with the same
 * on all cores, and the full NDJSON batch work (parse, decide, write a result line) on one thread with
 * {@link BatchDecider} on its pool of one thread per core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class BatchBenchmark {
    static final int BATCH = 10_000;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private CompiledRuleset ruleset;
    private DecisionRequest[] requests;
    private byte[] ndjson;
    private ExecutorService pool;
    private BatchDecider batch;
    private DecisionService decisions;
    private ObjectMapper json;

    @Setup
    public void setUp() {
        BenchLogging.quiet();
        ruleset = ReferenceRuleset.get();
        List<String> lines = BenchProfiles.json(BATCH, BenchProfiles.SEED + 1);
        requests = new DecisionRequest[BATCH];
        StringBuilder text = new StringBuilder(BATCH * 700);
        for (int i = 0; i < BATCH; i++) {
            requests[i] = BenchProfiles.parse(lines.get(i));
            text.append(lines.get(i)).append('\n');
        }
        ndjson = text.toString().getBytes(StandardCharsets.UTF_8);
        pool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "bench-batch");
            thread.setDaemon(true);
            return thread;
        });
        json = new ObjectMapper();
        // As BatchBeans builds it in the service, with a plain meter registry (the service's is Prometheus).
        DecisionMetrics metrics = new DecisionMetrics(new SimpleMeterRegistry());
        decisions = DecisionService.unrecorded(null, metrics);
        batch = new BatchDecider(json, BenchProfiles.PARSER, decisions, metrics, pool, THREADS,
                new BatchLimits(200_000, 262_144));
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    /** One CompiledRuleset.evaluate per profile, one thread (facts derived in the loop). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void evaluateSequential(Blackhole bh) {
        for (DecisionRequest request : requests) {
            bh.consume(ruleset.evaluate(CustomerFacts.customer(request), CustomerFacts.history(request)));
        }
    }

    /** The same, the profiles split in one slice per core. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void evaluateAllCores(Blackhole bh) throws InterruptedException, ExecutionException {
        List<Future<?>> slices = new ArrayList<>(THREADS);
        int size = (BATCH + THREADS - 1) / THREADS;
        for (int t = 0; t < THREADS; t++) {
            int from = t * size;
            int to = Math.min(BATCH, from + size);
            slices.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    bh.consume(ruleset.evaluate(CustomerFacts.customer(requests[i]), CustomerFacts.history(requests[i])));
                }
            }));
        }
        for (Future<?> slice : slices) {
            slice.get();
        }
    }

    /** BatchDecider's work on one thread: NDJSON line → tree → request → decision (with metrics) → result line. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ndjsonSequential() throws IOException {
        CountingSink out = new CountingSink();
        var writer = json.writerFor(BatchDecider.Result.class);
        int start = 0;
        for (int i = 0; i < ndjson.length; i++) {
            if (ndjson[i] == '\n') {
                var request = BenchProfiles.PARSER.parse(json.readTree(ndjson, start, i - start));
                writer.writeValue(out, new BatchDecider.Result(i, request.customerId(), ruleset.version(), decisions.decideOn(request, ruleset), null));
                out.write('\n');
                start = i + 1;
            }
        }
        return out.count;
    }

    /** The service's BatchDecider: chunks of 256 decided on one thread per core, written in order. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batchDeciderAllCores() throws IOException {
        CountingSink out = new CountingSink();
        batch.decide(batch.ndjsonReader(new ByteArrayInputStream(ndjson)), out, ruleset);
        return out.count;
    }

    /** Discards what is written, counting bytes. */
    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
