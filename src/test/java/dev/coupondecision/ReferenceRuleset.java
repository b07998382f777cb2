package dev.coupondecision;

import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.table.WorkbookLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * The frozen reference ruleset under src/test/resources/reference-ruleset (see its README): the policy the engine's
 * tests and {@code ReferencePolicy} are written against, independent of the shipped, analyst-owned folders.
 */
public final class ReferenceRuleset {
    public static final Path ROOT = Path.of("src/test/resources/reference-ruleset");
    public static final Path RULES = ROOT.resolve("rules");
    public static final Path TABLES = ROOT.resolve("decision-tables");
    public static final Path SCENARIOS = ROOT.resolve("scenarios");
    private static CompiledRuleset compiled;

    private ReferenceRuleset() {
    }

    /** The reference ruleset compiled once for the engine-level tests. */
    public static synchronized CompiledRuleset get() {
        if (compiled == null) {
            compiled = new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT).compile(RuleFileSet.read(RULES, TABLES));
        }
        return compiled;
    }

    /**
     * The reference scenarios for the "Dormant coupon 30 → 35 off" edit the store and console tests hand in, as
     * upload parts: the file name with folders joined by "__", and the content with the amount changed.
     */
    public static List<UploadedScenario> dormantScenariosAt35() {
        try (Stream<Path> files = Files.walk(SCENARIOS)) {
            return files.filter(f -> f.toString().endsWith(".json")).map(f -> {
                try {
                    return new UploadedScenario(SCENARIOS.relativize(f).toString().replace("/", "__"), Files.readString(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(s -> s.content().contains("\"amountOff\": 30,") && s.content().contains("DORMANT"))
                    .map(s -> new UploadedScenario(s.name(), s.content().replace("\"amountOff\": 30,", "\"amountOff\": 35,")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario file as the console and POST /rulesets/candidates take it. */
    public record UploadedScenario(String name, String content) {
    }
}
