package dev.coupondecision.bench;

import dev.coupondecision.decision.Decider;
import dev.coupondecision.reference.ReferencePolicy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * Does a workload scale from one thread to several? Runs it on 1 thread, then on N threads at once, and reports
 * wall-clock throughput and the operations per CPU-second the threads actually got (ThreadMXBean), so that a
 * busy machine (other processes on the cores) can be told apart from contention inside the JVM: contention
 * (cache-line ping-pong, CAS retries, spinning) makes each operation cost more CPU; starvation does not.
 * {@code ScalingMeter [seconds] [threads] [drools|engine|reference]}.
 */
public final class ScalingMeter {
    private ScalingMeter() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        String name = args.length > 2 ? args[2] : "drools";
        DecisionBenchmark.Data data = new DecisionBenchmark.Data();
        data.setUp();
        int mask = DecisionBenchmark.PROFILES - 1;
        Object[] sink = new Object[64];
        IntConsumer op = switch (name) {
            case "engine" -> i -> sink[(i >>> 20) & 63] = data.ruleset.evaluate(data.customers[i & mask], data.histories[i & mask]);
            case "reference" -> i -> sink[(i >>> 20) & 63] = ReferencePolicy.decide(data.requests[i & mask]);
            default -> i -> sink[(i >>> 20) & 63] = Decider.decide(data.requests[i & mask], data.ruleset);
        };
        run(op, 1, seconds, "warm-up 1 thread", false);
        run(op, threads, seconds, "warm-up " + threads + " threads", false);
        run(op, 1, seconds, name + " on 1 thread", true);
        run(op, threads, seconds, name + " on " + threads + " threads", true);
    }

    private static void run(IntConsumer op, int threads, long seconds, String label, boolean print) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder ops = new LongAdder();
        LongAdder cpu = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 337;
            Thread worker = new Thread(() -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long n = 0;
                while (!stop.get()) {
                    op.accept((int) (n + offset));
                    n++;
                }
                cpu.add(mx.getCurrentThreadCpuTime() - cpu0);
                ops.add(n);
            });
            workers.add(worker);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (print) {
            System.out.printf("%-28s %10.0f ops/s wall %12.0f ops/cpu-s  %6.2f cores used  %8.2f us cpu/op%n", label,
                    ops.sum() / wall, ops.sum() / (cpu.sum() / 1e9), cpu.sum() / 1e9 / wall, cpu.sum() / 1e3 / ops.sum());
        }
    }
}
