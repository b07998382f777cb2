package dev.coupondecision.impact;

import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.config.DecisionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.concurrent.ExecutorService;

/**
 * Dry runs decide the configured population file, or a synthetic one of the configured size, on Quarkus'
 * managed executor.
 */
public class DryRunProducer {

    @Produces
    @ApplicationScoped
    RulesetDryRun rulesetDryRun(DecisionConfig config, RulesetVerifier verifier, ExecutorService managedExecutor) {
        return new RulesetDryRun(verifier, PopulationSource.configured(config), managedExecutor);
    }
}
