package dev.coupondecision.ruleset.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allowlist on DRL text: the shipped rules pass as they are, and each way of reaching code outside the
 * decision facts is refused with a finding at its line.
 */
class DrlGuardTest {
    private static final String HEADER = """
            package dev.coupondecision.rules.test;
            import dev.coupondecision.decision.facts.*;
            """;

    @ParameterizedTest
    @ValueSource(strings = {"rules/decision-flow.drl", "rules/eligibility.drl"})
    void shouldAcceptTheShippedRules(String file) throws IOException {
        assertThat(DrlGuard.check(Files.readString(Path.of(file)))).isEmpty();
    }

    @Test
    void shouldGiveTheSameAnswerWhenCandidatesAreCheckedAtOnce() throws Exception {
        // the poller, a dry run and a second test application may check at the same moment
        String drl = Files.readString(Path.of("rules/eligibility.drl"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<DrlGuard.Refusal>>> checks = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                checks.add(pool.submit(() -> DrlGuard.check(drl)));
            }
            for (var check : checks) {
                assertThat(check.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldAcceptWhatTablesGenerate() {
        assertThat(DrlGuard.check(HEADER + """
                rule "Churned offer A"
                    salience 65527
                    activation-group "coupon"
                    ruleflow-group "offer"
                when
                    $d : Decision(tier == Tier.CHURNED)
                    $c : Customer(bucketOf("churned-offer") >= 0 && bucketOf("churned-offer") <= 49,
                                  favoriteCategory == "beauty" || favoriteCategory == "daily", orderCount >= 0)
                    $slot : SendWindowSlot(dayType == DayType.WEEKDAY, windows == null)
                then
                    modify($d) { setCouponType(CouponType.SPEND_AND_SAVE) }
                    $d.setAmountOff(20);
                    $d.setVariant("A");
                    modify($slot) { setWindows("11:30-13:00, 17:00-19:00") }
                    insert(new TierAssignment(Tier.NEW));
                end
                """)).isEmpty();
    }

    @Test
    void shouldRefuseAFullyQualifiedCallInAConsequence() {
        List<DrlGuard.Refusal> findings = DrlGuard.check(HEADER + """
                rule "x"
                when
                    $d : Decision()
                then
                    $d.setCategory("ok");
                    java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/pwned"), "x");
                end
                """);
        assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.line()).isEqualTo(8));
        assertThat(findings.get(0).message()).contains("'java'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a function, called from a consequence
            "function void pwn() { System.exit(1); }\nrule \"x\" when $d : Decision() then pwn(); end",
            // a declared type whose field initializer runs code
            "declare Evil\n  x : String = System.getProperty(\"user.home\")\nend\nrule \"x\" when then end",
            // package and import on one line, and an import split over two lines
            "import java.io.File; rule \"x\" when then end",
            "import java.\n  io.File;\nrule \"x\" when then end",
            "import static java.lang.System.exit;\nrule \"x\" when then end",
            "import function java.lang.System.exit;\nrule \"x\" when then end",
            "global java.util.List out;\nrule \"x\" when then end",
            "query q() $d : Decision() end",
            // the engine's own API from a consequence
            "rule \"x\" when then kcontext.getKieRuntime().halt(); end",
            "rule \"x\" when then drools.halt(); end",
            // reflection and class loading through the facts
            "rule \"x\" when $c : Customer() then $c.getClass().getClassLoader(); end",
            "rule \"x\" when $d : Decision() then $d.getSuppressions().clear(); end",
            "rule \"x\" when then Tier.valueOf(\"NEW\"); end",
            "rule \"x\" when then insert(new java.io.File(\"/tmp/x\")); end",
            "rule \"x\" when then insert(new Object() { }); end",
            "rule \"x\" when $d : Decision() then Runnable r = () -> {}; end",
            "rule \"x\" when $d : Decision() then $d.setCategory(String.valueOf(1)); end",
            "rule \"x\" when $d : Decision() then for (;;) { } end",
            // code in conditions, from sources and attributes
            "rule \"x\" when eval(System.exit(1) == null) then end",
            "rule \"x\" when Customer(System.getenv(\"HOME\") != null) then end",
            "rule \"x\" when Customer(customerId == java.lang.System.getProperty(\"x\")) then end",
            "rule \"x\" when $h : ContactHistory() $s : Suppression() from java.util.List.of() then end",
            "rule \"x\" when $n : Number() from accumulate(Customer(), count(1)) then end",
            "rule \"x\" when String() then end",
            "rule \"x\" salience (System.nanoTime() % 10) when then end",
            "rule \"x\" enabled (System.exit(0) == null) when then end",
            "rule \"x\" timer (int: 1s) when then end",
            "rule \"x\" @Propagation(IMMEDIATE) when then end",
            // modify target and items
            "rule \"x\" when $d : Decision() then modify($d) { setCategory(System.getProperty(\"x\")) } end",
            "rule \"x\" when $d : Decision() then modify(java.lang.Runtime.getRuntime()) { exec(\"id\") } end",
            "rule \"x\" when $d : Decision() then modify($d) { tier = Tier.NEW } end",
            // unicode escapes turn into code before the Java compiler reads it
            "rule \"x\" when $d : Decision() then $d.setCategory(\"\\u0022); System.exit(0); //\"); end",
            // a consequence that closes its method to declare members of its own
            "rule \"x\" when $d : Decision() then } static { System.exit(0); } { end",
    })
    void shouldRefuseCodeOutsideTheFacts(String rule) {
        List<DrlGuard.Refusal> findings = DrlGuard.check(HEADER + rule + "\n");
        assertThat(findings).as("findings for %s", rule).isNotEmpty();
    }

    @Test
    void shouldRefuseAnImportOutsideTheFactsAtItsLine() {
        List<DrlGuard.Refusal> findings = DrlGuard.check("package p; import java.io.File;\nrule \"x\" when then end\n");
        assertThat(findings).extracting(DrlGuard.Refusal::line, DrlGuard.Refusal::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1,
                        "import 'java.io.File' is outside the decision facts; only dev.coupondecision.decision.facts.* and its types may be imported"));
    }

    @Test
    void shouldPointAtTheLineOfTheOffendingStatement() {
        List<DrlGuard.Refusal> findings = DrlGuard.check(HEADER + """
                rule "x"
                when
                    $d : Decision()
                then
                    $d.setCategory("one");
                    $d.setCategory("two");
                    Thread.sleep(10);
                end
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.column()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("'Thread' is neither a variable of this rule nor a type or property of the decision facts");
        });
    }
}
