package dev.coupondecision.bench;

import dev.coupondecision.decision.Decider;
import dev.coupondecision.reference.ReferencePolicy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A cross-check of the JMH numbers for a busy machine: runs each workload on one thread and divides the
 * operations by the CPU time the thread actually got (ThreadMXBean), not by wall time, so that other processes
 * competing for the two cores do not count against it (they still share caches). Also prints wall-clock
 * percentiles of single operations. {@code CpuMeter [seconds-per-workload]}.
 */
public final class CpuMeter {
    private CpuMeter() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        DecisionBenchmark.Data data = new DecisionBenchmark.Data();
        data.setUp();
        int mask = DecisionBenchmark.PROFILES - 1;
        Map<String, IntConsumer> workloads = new LinkedHashMap<>();
        Object[] sink = new Object[1];
        workloads.put("fullDecisionDrools", i -> sink[0] = Decider.decide(data.requests[i & mask], data.ruleset));
        workloads.put("fullDecisionReference", i -> sink[0] = ReferencePolicy.decide(data.requests[i & mask]));
        workloads.put("engineEvaluate", i -> sink[0] = data.ruleset.evaluate(data.customers[i & mask], data.histories[i & mask]));
        workloads.put("httpWorkDrools", i -> {
            try {
                sink[0] = data.responseWriter.writeValueAsBytes(Decider.decide(
                        BenchProfiles.PARSER.parse(data.bodies[i & mask]), data.ruleset));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        workloads.put("httpWorkFloor", i -> {
            try {
                sink[0] = data.floor.handle(data.bodies[i & mask]);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-24s %14s %14s %10s %10s %10s %10s%n", "workload", "ops/cpu-s", "ops/wall-s",
                "cpu-share", "p50 us", "p99 us", "p99.9 us");
        long[] latencies = new long[20_000_000];
        for (Map.Entry<String, IntConsumer> workload : workloads.entrySet()) {
            run(workload.getValue(), seconds * 1_000_000_000L, null, threads); // warm-up
            long[] result = run(workload.getValue(), seconds * 1_000_000_000L, latencies, threads);
            long ops = result[0];
            long[] sample = Arrays.copyOf(latencies, (int) Math.min(ops, latencies.length));
            Arrays.sort(sample);
            System.out.printf("%-24s %14.0f %14.0f %9.0f%% %10.2f %10.2f %10.2f%n", workload.getKey(),
                    ops / (result[2] / 1e9), ops / (result[1] / 1e9), 100.0 * result[2] / result[1],
                    sample[(int) (sample.length * 0.50)] / 1e3, sample[(int) (sample.length * 0.99)] / 1e3,
                    sample[(int) (sample.length * 0.999)] / 1e3);
        }
        if (sink[0] == null) {
            System.out.println();
        }
    }

    /** @return operations, wall nanos, thread CPU nanos */
    private static long[] run(IntConsumer op, long nanos, long[] latencies, ThreadMXBean threads) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + nanos;
        long ops = 0;
        long before = start;
        while (before < end) {
            op.accept((int) ops);
            long after = System.nanoTime();
            if (latencies != null && ops < latencies.length) {
                latencies[(int) ops] = after - before;
            }
            before = after;
            ops++;
        }
        return new long[] {ops, before - start, threads.getCurrentThreadCpuTime() - cpu0};
    }
}
