package dev.coupondecision.bench;

import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.SendWindowSlot;
import dev.coupondecision.ruleset.FiredRule;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ways to run the same knowledge base that src/main does not use (yet), on the same facts as
 * {@link DecisionBenchmark#engineEvaluate}: to size what a change to CompiledRuleset would gain.
 * <ul>
 *   <li>{@code newSessionNoListener}: what CompiledRuleset does today (a new working memory per execute), without
 *       the fired-rule listener: the listener's cost is the difference to engineEvaluate.</li>
 *   <li>{@code pooledSessionNoListener}: a stateless session from {@code KieBase.newKieSessionsPool}, which resets
 *       and reuses working memories instead of building one (node memories, segments) per execute.</li>
 *   <li>{@code pooledSessionWithListener}: the same plus a fired-rule listener keyed by rule identity (no string
 *       key per fired rule) filling a list: a drop-in replacement for CompiledRuleset.evaluate.</li>
 * </ul>
 * Setup compares the pooled session with the service's evaluate on all 1,024 profiles and prints how many differ:
 * with Drools 10.2 they do (rows of an activation group fire again after the pooled session's reset), so the
 * pooled numbers are an upper bound of what pooling could give, not a drop-in fix.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class EngineVariantsBenchmark {
    private DecisionBenchmark.Data data;
    private StatelessKieSession fresh;
    private StatelessKieSession pooled;
    private StatelessKieSession pooledWithListener;
    private final ThreadLocal<List<FiredRule>> sink = new ThreadLocal<>();

    @Setup
    public void setUp() throws ReflectiveOperationException {
        data = new DecisionBenchmark.Data();
        data.setUp();
        Method method = dev.coupondecision.ruleset.CompiledRuleset.class.getDeclaredMethod("kieBase");
        method.setAccessible(true);
        KieBase kieBase = (KieBase) method.invoke(data.ruleset);
        fresh = kieBase.newStatelessKieSession();
        pooled = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()).newStatelessKieSession();
        pooledWithListener = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()).newStatelessKieSession();
        Map<Rule, FiredRule> byRule = new IdentityHashMap<>();
        Map<String, FiredRule> bySourceName = new java.util.HashMap<>();
        for (FiredRule rule : data.ruleset.rules()) {
            bySourceName.put(rule.rule(), rule);
        }
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r ->
                byRule.put(r, bySourceName.getOrDefault(r.getName(), new FiredRule(r.getName(), r.getPackageName())))));
        pooledWithListener.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                List<FiredRule> list = sink.get();
                Rule rule = event.getMatch().getRule();
                FiredRule fired = byRule.get(rule);
                list.add(fired != null ? fired : new FiredRule(rule.getName(), rule.getPackageName()));
            }
        });
        // Same decisions as the service's engine call, profile by profile? (Reported, not enforced: see the docs.)
        int differences = 0;
        for (int i = 0; i < DecisionBenchmark.PROFILES; i++) {
            var expected = data.ruleset.evaluate(data.customers[i], data.histories[i]);
            Object[] facts = run(pooledWithListener, i);
            Decision actual = (Decision) facts[2];
            @SuppressWarnings("unchecked") List<FiredRule> fired = (List<FiredRule>) facts[5];
            if (actual.getTier() != expected.decision().getTier()
                    || actual.getCouponType() != expected.decision().getCouponType()
                    || actual.getSuppressions().size() != expected.decision().getSuppressions().size()
                    || !actual.getSuppressions().stream().map(s -> s.getMessage()).toList()
                        .equals(expected.decision().getSuppressions().stream().map(s -> s.getMessage()).toList())
                    || !((SendWindowSlot) facts[3]).getWindows().equals(expected.weekday().getWindows())
                    || fired.size() != expected.firedRules().size()) {
                if (differences++ == 0) {
                    System.out.println("pooled session differs on profile " + i + ": fired " + fired
                            + " where the service's evaluate fired " + expected.firedRules());
                }
            }
        }
        System.out.println("pooled session with listener: " + differences + " of " + DecisionBenchmark.PROFILES
                + " profiles decided or fired differently from CompiledRuleset.evaluate");
    }

    private Object[] run(StatelessKieSession session, int i) {
        Decision decision = new Decision();
        SendWindowSlot weekday = new SendWindowSlot(DayType.WEEKDAY);
        SendWindowSlot weekend = new SendWindowSlot(DayType.WEEKEND);
        List<FiredRule> fired = new ArrayList<>(12);
        sink.set(fired);
        try {
            session.execute(Arrays.asList(data.customers[i], data.histories[i], decision, weekday, weekend));
        } finally {
            sink.remove();
        }
        return new Object[] {data.customers[i], data.histories[i], decision, weekday, weekend, fired};
    }

    @Benchmark
    public Object[] newSessionNoListener(DecisionBenchmark.Cursor cursor) {
        return run(fresh, cursor.next());
    }

    @Benchmark
    public Object[] pooledSessionNoListener(DecisionBenchmark.Cursor cursor) {
        return run(pooled, cursor.next());
    }

    @Benchmark
    public Object[] pooledSessionWithListener(DecisionBenchmark.Cursor cursor) {
        return run(pooledWithListener, cursor.next());
    }
}
