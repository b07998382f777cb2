package dev.coupondecision.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.impact.DryRunReport;
import dev.coupondecision.impact.PopulationSource;
import dev.coupondecision.impact.RulesetDryRun;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.ruleset.WorkbookLimits;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.scenario.ScenarioRunner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rules validate}: the dry run of {@code POST /rulesets/validate} on directories, built by hand from the
 * same classes the service uses (default quiet hours 22:00-08:00, as in the service's configuration).
 */
final class ValidateCommand {
    private static final Set<String> OPTIONS = Set.of("--rules", "--tables", "--scenarios", "--against-rules",
            "--against-tables", "--population", "--size", "--timezone");
    private static final LocalTime QUIET_FROM = LocalTime.of(22, 0);
    private static final LocalTime QUIET_UNTIL = LocalTime.of(8, 0);

    private ValidateCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse(args, OPTIONS, Set.of("--json"));
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("validate takes no positional arguments: " + arguments.positional());
        }
        Path rules = directory(arguments, "--rules", "rules");
        Path tables = directory(arguments, "--tables", "decision-tables");
        Path scenarios = directory(arguments, "--scenarios", "scenarios");
        ZoneId zone = zone(arguments.value("--timezone", "Asia/Shanghai"));
        Optional<Path> population = Optional.ofNullable(arguments.value("--population", null)).map(Path::of);
        population.filter(p -> !Files.isRegularFile(p)).ifPresent(p -> {
            throw new UsageException("--population " + p + " is not a file");
        });

        Clock clock = Clock.systemUTC();
        RulesetCompiler compiler = new RulesetCompiler(clock, WorkbookLimits.DEFAULT);
        RulesetVerifier verifier = new RulesetVerifier(new RulesetLinter(QUIET_FROM, QUIET_UNTIL, WorkbookLimits.DEFAULT), compiler,
                new ScenarioRunner(clock, zone), () -> ScenarioLoader.load(scenarios), clock);
        RulesetDryRun dryRun = new RulesetDryRun(verifier, compiler,
                new PopulationSource(population, size(arguments.value("--size", "10000")), zone));

        CompiledRuleset baseline = null;
        if (arguments.has("--against-rules") || arguments.has("--against-tables")) {
            baseline = baseline(compiler, directory(arguments, "--against-rules", rules.toString()),
                    directory(arguments, "--against-tables", tables.toString()), err);
        }
        DryRunReport report = dryRun.run(RuleFileSet.read(rules, tables), baseline);
        out.print(arguments.has("--json") ? json(report) : ReportText.render(report));
        return report.accepted() ? RulesTool.ACCEPTED : RulesTool.REJECTED;
    }

    /** The ruleset to compare with, or null (impact skipped) when it does not compile itself. */
    private static CompiledRuleset baseline(RulesetCompiler compiler, Path rules, Path tables, PrintStream err) {
        try {
            return compiler.compile(RuleFileSet.read(rules, tables));
        } catch (RulesetException e) {
            err.println("rules: the --against ruleset (" + rules + ", " + tables + ") does not compile, so no impact is shown:");
            e.findings().stream().map(Finding::toString).forEach(f -> err.println("  " + f));
            return null;
        }
    }

    private static Path directory(Arguments arguments, String option, String otherwise) {
        Path dir = Path.of(arguments.value(option, otherwise));
        if (!Files.isDirectory(dir)) {
            throw new UsageException((arguments.has(option) ? option + " " : "") + dir + " is not a directory");
        }
        return dir;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new UsageException("--timezone " + id + " is not a time zone id such as Asia/Shanghai");
        }
    }

    private static int size(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--size " + value + " is not a positive number");
    }

    private static String json(DryRunReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report is plain data and always serializes", e);
        }
    }
}
