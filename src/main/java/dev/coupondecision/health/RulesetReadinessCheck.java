package dev.coupondecision.health;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.activation.RulesetRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a ruleset is compiled and serving, so no decision is routed here before. */
@Readiness
@ApplicationScoped
public class RulesetReadinessCheck implements HealthCheck {
    private final RulesetRegistry registry;

    public RulesetReadinessCheck(RulesetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return registry.servingCheck().map(RulesetCheck::compiled)
                .map(ruleset -> HealthCheckResponse.named("ruleset").up()
                        .withData("version", ruleset.version())
                        .withData("loadedAt", ruleset.loadedAt().toString())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("ruleset").down().build());
    }
}
