package dev.coupondecision.tables;

import dev.coupondecision.ReferenceRuleset;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.scenario.ScenarioRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A private copy of the reference ruleset (rules, decision tables, scenarios: {@link ReferenceRuleset}) in a temporary
 * directory, laid out like the service's working directory, so a test can edit a table the way an analyst would
 * (open the real XLSX, change a cell, save) without touching any committed file.
 */
public record RulesetCopy(Path root, Path rules, Path tables, Path scenarios) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies every reference rule file and scenario into {@code root}. */
    public static RulesetCopy of(Path root) {
        return of(root, scenario -> {
        });
    }

    /** Copies the reference rule files and scenarios, letting {@code editScenario} change each scenario's JSON. */
    public static RulesetCopy of(Path root, Consumer<ObjectNode> editScenario) {
        RulesetCopy copy = new RulesetCopy(root, root.resolve("rules"), root.resolve("decision-tables"),
                root.resolve("scenarios"));
        copy.restoreRules();
        copy.copyScenarios(editScenario);
        return copy;
    }

    /** Puts the reference rule files back, replacing what a test wrote and removing files a test added. */
    public void restoreRules() {
        copyDir(ReferenceRuleset.RULES, rules);
        copyDir(ReferenceRuleset.TABLES, tables);
        removeFilesNotIn(ReferenceRuleset.RULES, rules);
        removeFilesNotIn(ReferenceRuleset.TABLES, tables);
    }

    private void copyScenarios(Consumer<ObjectNode> editScenario) {
        copyDir(ReferenceRuleset.SCENARIOS, scenarios);
        try (Stream<Path> paths = Files.walk(scenarios)) {
            for (Path path : paths.filter(path -> path.toString().endsWith(".json")).toList()) {
                ObjectNode scenario = (ObjectNode) JSON.readTree(path.toFile());
                ObjectNode original = scenario.deepCopy();
                editScenario.accept(scenario);
                if (!scenario.equals(original)) {
                    JSON.writerWithDefaultPrettyPrinter().writeValue(path.toFile(), scenario);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path table(String name) {
        return tables.resolve(name);
    }

    public Path drl(String name) {
        return rules.resolve(name);
    }

    /** The rule files as the service reads them, with their content-hash version. */
    public RuleFileSet files() {
        return RuleFileSet.read(rules, tables);
    }

    /**
     * The check the service runs on every candidate (lint, compile, this copy's scenarios), configured like
     * the service's defaults: quiet hours 22:00-08:00, customers in Asia/Shanghai unless they say otherwise.
     */
    public RulesetVerifier verifier() {
        Clock clock = Clock.systemUTC();
        return new RulesetVerifier(new RulesetLinter(LocalTime.of(22, 0), LocalTime.of(8, 0), WorkbookLimits.DEFAULT),
                new RulesetCompiler(clock, WorkbookLimits.DEFAULT), new ScenarioRunner(clock, ZoneId.of("Asia/Shanghai")), clock);
    }

    /** The rule files and scenarios of this copy as one read. */
    public RulesetSnapshot snapshot() {
        return RulesetSnapshot.read(rules, tables, scenarios);
    }

    /** The service's check of this copy as it is now. */
    public RulesetCheck check() {
        return verifier().verify(snapshot());
    }

    private static void copyDir(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeFilesNotIn(Path shipped, Path copy) {
        try (Stream<Path> paths = Files.list(copy)) {
            for (Path path : paths.toList()) {
                if (!Files.exists(shipped.resolve(path.getFileName().toString()))) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
