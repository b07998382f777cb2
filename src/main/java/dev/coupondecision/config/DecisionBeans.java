package dev.coupondecision.config;

import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.impact.PopulationSource;
import dev.coupondecision.impact.RulesetDryRun;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.WorkbookLimits;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.scenario.ScenarioRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.nio.file.Path;
import java.time.Clock;

/** Plain-Java collaborators made available to CDI with their configuration. */
public class DecisionBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    RequestParser requestParser(DecisionConfig config, Clock clock) {
        return new RequestParser(clock, config.defaultTimezone());
    }

    @Produces
    @ApplicationScoped
    RulesetDryRun rulesetDryRun(DecisionConfig config, RulesetVerifier verifier, Clock clock) {
        PopulationSource population = new PopulationSource(config.impact().populationFile().map(Path::of),
                config.impact().syntheticSize(), config.defaultTimezone());
        return new RulesetDryRun(verifier, new RulesetCompiler(clock, limits(config)), population);
    }

    @Produces
    @ApplicationScoped
    RulesetVerifier rulesetVerifier(DecisionConfig config, Clock clock) {
        RulesetLinter linter = new RulesetLinter(config.lint().quietHoursStart(), config.lint().quietHoursEnd(), limits(config));
        ScenarioRunner runner = new ScenarioRunner(clock, config.defaultTimezone());
        Path scenarios = Path.of(config.scenariosDir());
        return new RulesetVerifier(linter, new RulesetCompiler(clock, limits(config)), runner, () -> ScenarioLoader.load(scenarios), clock);
    }

    @Produces
    @jakarta.inject.Singleton
    WorkbookLimits workbookLimits(DecisionConfig config) {
        return limits(config);
    }

    private static WorkbookLimits limits(DecisionConfig config) {
        DecisionConfig.RuleFiles files = config.ruleFiles();
        return new WorkbookLimits(files.maxBytes().asLongValue(), files.maxSheets(), files.maxRowsPerSheet(),
                files.maxCells(), files.maxUnpackedBytes().asLongValue());
    }
}
