package dev.coupondecision.activation;

import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.store.RulesetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The gate every candidate passes (lint, compile, scenarios), configured from {@code coupon.*}, keeping compiled
 * rulesets in the store.
 */
public class VerifierProducer {

    @Produces
    @ApplicationScoped
    RulesetVerifier rulesetVerifier(DecisionConfig config, Clock clock, RulesetStore store) {
        return RulesetVerifier.configured(config, clock, store.compiledModules());
    }
}
