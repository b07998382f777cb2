package dev.coupondecision.bench;

import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.table.WorkbookLimits;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The two steps of a start that load the shipped rules, timed in a fresh JVM (run it once per measurement): reading
 * each workbook (POI, cold for the first), then compiling the rule set with the workbooks already read. With
 * {@code warm}, a one-rule DRL is compiled on a second thread while the workbooks are read, so that the real compile
 * finds the Drools builder and ECJ loaded: what a parallel warm-up at start would gain.
 *
 * <p>{@code mvn -B -Pbench test-compile exec:exec -Dbench.main=dev.coupondecision.bench.StartupSteps -Djmh.args=cold}
 * (or {@code warm}), from the repository root.
 */
public final class StartupSteps {
    private static final String WARM_UP_RULE = """
            package warmup;
            import dev.coupondecision.decision.facts.Customer;
            rule "warm up" when $c : Customer(orderCount > 1) then $c.getOrderCount(); end
            """;

    private StartupSteps() {
    }

    public static void main(String[] args) throws InterruptedException {
        BenchLogging.quiet();
        boolean warm = args.length > 0 && args[0].equals("warm");
        long start = System.nanoTime();
        Thread warmUp = new Thread(() -> compile(RuleFileSet.of(List.of(RuleFileSet.file("warm-up.drl", RuleFile.Kind.DRL,
                WARM_UP_RULE.getBytes(StandardCharsets.UTF_8))))), "warm-up");
        if (warm) {
            warmUp.start();
        }
        RuleFileSet files = RuleFileSet.read(Path.of("rules"), Path.of("decision-tables"));
        StringBuilder reads = new StringBuilder();
        for (RuleFile file : files.files()) {
            if (file.kind() == RuleFile.Kind.XLSX) {
                long before = System.nanoTime();
                file.workbook(WorkbookLimits.DEFAULT);
                reads.append(String.format(" %s %.0f ms", file.name(), (System.nanoTime() - before) / 1e6));
            }
        }
        long read = System.nanoTime();
        compile(files);
        long compiled = System.nanoTime();
        warmUp.join();
        System.out.printf("%s: workbooks%s; read %.0f ms, compile %.0f ms, both %.0f ms%n", warm ? "warm" : "cold", reads,
                (read - start) / 1e6, (compiled - read) / 1e6, (compiled - start) / 1e6);
    }

    private static void compile(RuleFileSet files) {
        new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT).compile(files);
    }
}
