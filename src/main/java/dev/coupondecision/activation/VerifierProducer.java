package dev.coupondecision.activation;

import dev.coupondecision.config.DecisionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The gate every candidate passes (lint, compile, scenarios), configured from {@code coupon.*}. */
public class VerifierProducer {

    @Produces
    @ApplicationScoped
    RulesetVerifier rulesetVerifier(DecisionConfig config, Clock clock) {
        return RulesetVerifier.configured(config, clock);
    }
}
