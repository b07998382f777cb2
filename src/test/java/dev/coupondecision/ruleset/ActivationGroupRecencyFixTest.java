package dev.coupondecision.ruleset;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.decision.CustomerFacts;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.reference.RandomProfiles;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the Drools bug {@link ActivationGroupRecencyFix} works around: sessions reused after {@code reset()} alone
 * fire several rows of a first-hit table, with the fix they fire exactly what a new session fires. When the first
 * test fails, a Drools release fixed the bug: remove the fix and this test. The engine against the independent
 * reference policy (DroolsMatchesReferenceTest) runs on reused sessions too.
 */
class ActivationGroupRecencyFixTest {
    private static final int DECISIONS = 3000;
    private static final RequestParser PARSER = new RequestParser(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    @Test
    void withoutTheFixReusedSessionsFireMoreThanOneRowOfAFirstHitTable() {
        assertThat(differencesFromNewSessions(false))
                .as("Drools no longer needs ActivationGroupRecencyFix: remove it, and this test")
                .isPositive();
    }

    @Test
    void withTheFixReusedSessionsFireWhatNewSessionsFire() {
        assertThat(differencesFromNewSessions(true)).isZero();
    }

    private static int differencesFromNewSessions(boolean fix) {
        CompiledRuleset ruleset = ReferenceRuleset.get();
        FiredRuleRecorder recorder = new FiredRuleRecorder(java.util.Map.of());
        SessionPool reused = new SessionPool(ruleset.sessions().kieBase(), recorder, fix);
        Random random = new Random(20261202);
        int differences = 0;
        for (int i = 0; i < DECISIONS; i++) {
            DecisionRequest request = PARSER.parse(RandomProfiles.next(random).json());
            SessionPool fresh = new SessionPool(ruleset.sessions().kieBase(), recorder, fix);
            RuleOutcome expected = fresh.evaluate(CustomerFacts.customer(request), CustomerFacts.history(request));
            fresh.close();
            RuleOutcome actual = reused.evaluate(CustomerFacts.customer(request), CustomerFacts.history(request));
            if (!names(expected).equals(names(actual))) {
                differences++;
            }
        }
        reused.close();
        return differences;
    }

    private static List<String> names(RuleOutcome outcome) {
        List<String> names = new ArrayList<>();
        outcome.firedRules().forEach(rule -> names.add(rule.rule()));
        return names;
    }
}
