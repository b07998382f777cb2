package dev.coupondecision.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coupondecision.activation.RulesetSnapshot;
import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.impact.DryRunReport;
import dev.coupondecision.impact.PopulationSource;
import dev.coupondecision.impact.RulesetDryRun;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code rules validate}: the dry run of {@code POST /rulesets/validate} on folders. The options override the
 * service's own configuration keys ({@code coupon.rules-dir}, ...), and the verifier is built from that
 * configuration exactly as the service builds it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lint, compile and run the regression scenarios on the rules as the service would; with "
                + "--against-rules and/or --against-tables, also decide a population with both rulesets and report "
                + "what changes.", "Exit code 0 when the rules would be accepted, 1 when rejected, 2 on usage errors."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "DRL folder (default: the service's coupon.rules-dir)")
    Path rules;

    @Option(names = "--tables", paramLabel = "DIR", description = "decision-table folder (default: coupon.tables-dir)")
    Path tables;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "scenario folder (default: coupon.scenarios-dir)")
    Path scenarios;

    @Option(names = "--against-rules", paramLabel = "DIR", description = "DRL folder of the ruleset to compare with")
    Path againstRules;

    @Option(names = "--against-tables", paramLabel = "DIR", description = "decision-table folder to compare with")
    Path againstTables;

    @Option(names = "--population", paramLabel = "FILE.ndjson", description = "decision requests to decide with both rulesets")
    Path population;

    @Option(names = "--size", paramLabel = "N", description = "size of the synthetic population (default: coupon.impact.synthetic-size)")
    Integer size;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "zone of scenarios that name none (default: coupon.default-timezone)")
    ZoneId timezone;

    @Option(names = "--json", description = "print the report as the endpoint's JSON")
    boolean json;

    @Override
    public Integer call() {
        DecisionConfig config = CliConfig.load(overrides());
        Path rulesDir = directory(Path.of(config.rulesDir()), "--rules");
        Path tablesDir = directory(Path.of(config.tablesDir()), "--tables");
        Path scenariosDir = directory(Path.of(config.scenariosDir()), "--scenarios");
        Clock clock = Clock.systemUTC();

        CompiledRuleset baseline = null;
        if (againstRules != null || againstTables != null) {
            baseline = baseline(new RulesetCompiler(clock, WorkbookLimits.from(config.ruleFiles())),
                    directory(againstRules != null ? againstRules : rulesDir, "--against-rules"),
                    directory(againstTables != null ? againstTables : tablesDir, "--against-tables"));
        }
        DryRunReport report;
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            RulesetDryRun dryRun = new RulesetDryRun(RulesetVerifier.configured(config, clock),
                    PopulationSource.configured(config), pool);
            report = dryRun.run(RulesetSnapshot.read(rulesDir, tablesDir, scenariosDir), baseline);
        } finally {
            pool.shutdownNow();
        }
        spec.commandLine().getOut().print(json ? json(report) : ReportText.render(report));
        return report.accepted() ? RulesTool.ACCEPTED : RulesTool.REJECTED;
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

    /** The ruleset to compare with, or null (impact skipped) when it does not compile itself. */
    private CompiledRuleset baseline(RulesetCompiler compiler, Path rulesDir, Path tablesDir) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return compiler.compile(RuleFileSet.read(rulesDir, tablesDir));
        } catch (RulesetException e) {
            err.println("rules: the ruleset to compare with (" + rulesDir + ", " + tablesDir
                    + ") does not compile, so no impact is shown:");
            e.findings().stream().map(Finding::toString).forEach(f -> err.println("  " + f));
            return null;
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
