package dev.coupondecision.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.activation.ScenarioSummary;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.config.StandaloneConfig;
import dev.coupondecision.impact.DryRunReport;
import dev.coupondecision.impact.PopulationSource;
import dev.coupondecision.impact.RulesetDryRun;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.scenario.ExpectationUpdate;
import dev.coupondecision.scenario.ScenarioUpdater;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code rules validate}: the check the service runs before it activates rules (lint, compile, every scenario, every
 * rule reached by one), on folders, plus the impact against a baseline: the given folders, else the running service
 * ({@code --service}), else the last commit when the rules are in a git repository. With {@code --update-scenarios}
 * the scenarios whose expectations the edit changes are rewritten to what the rules now decide, and listed. The
 * options override the service's configuration keys ({@code coupon.rules-dir}, ...), and the verifier is built from
 * that configuration exactly as the service builds it, so this verdict is the service's and CI's.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check the rules as the service would before activating them, and show what they change "
                + "against the last commit (or --service URL, or --against-tables/--against-rules).",
                "Exit code 0 when the rules would be accepted, 1 when rejected, 2 on usage errors."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "DRL folder (default: the service's coupon.rules-dir)")
    Path rules;

    @Option(names = "--tables", paramLabel = "DIR", description = "decision-table folder (default: coupon.tables-dir)")
    Path tables;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "scenario folder (default: coupon.scenarios-dir)")
    Path scenarios;

    @Option(names = "--update-scenarios", description = "rewrite the expectations of the scenarios the rules now "
            + "decide differently, list every change, then check again")
    boolean updateScenarios;

    @Option(names = "--against-rules", paramLabel = "DIR", description = "DRL folder of the ruleset to compare with")
    Path againstRules;

    @Option(names = "--against-tables", paramLabel = "DIR", description = "decision-table folder to compare with")
    Path againstTables;

    @Option(names = "--service", paramLabel = "URL", description = "compare with the ruleset this service serves, "
            + "e.g. http://localhost:8080")
    URI service;

    @Option(names = "--token", paramLabel = "JWT", description = "analyst token for --service (default: $COUPON_TOKEN)")
    String token;

    @Option(names = "--no-impact", description = "do not compare with anything")
    boolean noImpact;

    @Option(names = "--population", paramLabel = "FILE.ndjson", description = "decision requests to decide with both rulesets")
    Path population;

    @Option(names = "--size", paramLabel = "N", description = "size of the synthetic population (default: coupon.impact.synthetic-size)")
    Integer size;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "zone of scenarios that name none (default: coupon.default-timezone)")
    ZoneId timezone;

    @Option(names = "--json", description = "print the report as the endpoint's JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        DecisionConfig config = StandaloneConfig.load(overrides());
        Path rulesDir = directory(Path.of(config.rulesDir()), "--rules");
        Path tablesDir = directory(Path.of(config.tablesDir()), "--tables");
        Path scenariosDir = directory(Path.of(config.scenariosDir()), "--scenarios");
        Clock clock = Clock.systemUTC();
        PrintWriter out = spec.commandLine().getOut();

        Optional<Baseline> baseline = baseline(rulesDir, tablesDir);
        CompiledRuleset compiledBaseline = baseline
                .map(b -> compile(new RulesetCompiler(clock, WorkbookLimits.from(config.ruleFiles())), b)).orElse(null);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            RulesetDryRun dryRun = new RulesetDryRun(RulesetVerifier.configured(config, clock),
                    PopulationSource.configured(config), pool);
            DryRunReport report = dryRun.run(RulesetSnapshot.read(rulesDir, tablesDir, scenariosDir), compiledBaseline);
            if (updateScenarios && report.scenarios() != null && !report.scenarios().failures().isEmpty()) {
                List<ExpectationUpdate> updates = update(scenariosDir, report.scenarios());
                if (!json) {
                    out.print(UpdateText.render(scenariosDir, updates));
                }
                report = dryRun.run(RulesetSnapshot.read(rulesDir, tablesDir, scenariosDir), compiledBaseline);
            }
            if (!json) {
                out.println(baseline.map(b -> "Compared with " + b.description())
                        .orElse("Compared with nothing" + (noImpact ? "" : ": the rules are not in a git repository;"
                                + " give --service URL or --against-tables DIR to see the impact")));
            }
            out.print(json ? json(report) : ReportText.render(report));
            return report.accepted() ? RulesTool.ACCEPTED : RulesTool.REJECTED;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ExpectationUpdate> update(Path scenariosDir, ScenarioSummary summary) {
        List<ExpectationUpdate> updates = new ArrayList<>();
        for (ScenarioSummary.Failure failure : summary.failures()) {
            updates.add(ScenarioUpdater.update(scenariosDir, failure.file(), failure.name(), failure.mismatches()));
        }
        return updates;
    }

    private Optional<Baseline> baseline(Path rulesDir, Path tablesDir) throws IOException {
        if (noImpact) {
            return Optional.empty();
        }
        if (againstRules != null || againstTables != null) {
            Path rulesFrom = directory(againstRules != null ? againstRules : rulesDir, "--against-rules");
            Path tablesFrom = directory(againstTables != null ? againstTables : tablesDir, "--against-tables");
            return Optional.of(new Baseline(rulesFrom + " and " + tablesFrom, RuleFileSet.read(rulesFrom, tablesFrom)));
        }
        if (service != null) {
            String jwt = token != null ? token : System.getenv("COUPON_TOKEN");
            if (jwt == null || jwt.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--service needs an analyst token: --token JWT or the COUPON_TOKEN environment variable");
            }
            return Optional.of(ServiceRules.active(service, jwt.trim()));
        }
        return CommittedRules.atHead(rulesDir, tablesDir);
    }

    /** The ruleset to compare with, or null (impact skipped, said on stderr) when it does not compile itself. */
    private CompiledRuleset compile(RulesetCompiler compiler, Baseline baseline) {
        try {
            return compiler.compile(baseline.files());
        } catch (RulesetException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("rules: " + baseline.description() + " does not compile, so no impact is shown:");
            e.findings().stream().map(Finding::toString).forEach(f -> err.println("  " + f));
            return null;
        }
    }

    /** The options as the configuration keys they override. */
    private Map<String, String> overrides() {
        if (size != null && size <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size " + size + " is not a positive number");
        }
        if (population != null && !Files.isRegularFile(population)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--population " + population + " is not a file");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        put(overrides, "coupon.rules-dir", rules);
        put(overrides, "coupon.tables-dir", tables);
        put(overrides, "coupon.scenarios-dir", scenarios);
        put(overrides, "coupon.impact.population-file", population);
        put(overrides, "coupon.impact.synthetic-size", size);
        put(overrides, "coupon.default-timezone", timezone);
        return overrides;
    }

    private static void put(Map<String, String> overrides, String key, Object value) {
        if (value != null) {
            overrides.put(key, value.toString());
        }
    }

    private Path directory(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + dir + " is not a directory");
        }
        return dir;
    }

    private static String json(DryRunReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report is plain data and always serializes", e);
        }
    }
}
