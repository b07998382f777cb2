package dev.coupondecision.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.coupondecision.ruleset.guard.FactsApi;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure, kept as it is drawn in STYLE.md: packages by feature without cycles, layered top-down
 * (HTTP and command line, use cases, the gate, scenarios, the decision, rulesets, the facts) with configuration,
 * problem details and hashing as leaves.
 *
 * <p>Cycles are checked between every package, not only the top-level ones: the facts package keeps its name
 * {@code decision.facts} (every DRL file and workbook imports it), yet it is the bottom layer, below the rulesets
 * that the decision above it runs.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.coupondecision");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.coupondecision.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rest").definedBy("dev.coupondecision.rest..")
                .layer("Cli").definedBy("dev.coupondecision.cli..")
                .layer("Health").definedBy("dev.coupondecision.health..")
                .layer("Security").definedBy("dev.coupondecision.security..")
                .layer("Console").definedBy("dev.coupondecision.console..")
                .layer("Upload").definedBy("dev.coupondecision.upload..")
                .layer("UseCases").definedBy("dev.coupondecision.impact..", "dev.coupondecision.batch..")
                .layer("Gate").definedBy("dev.coupondecision.activation..")
                .layer("Loop").definedBy("dev.coupondecision.decisionlog..", "dev.coupondecision.outcome..",
                        "dev.coupondecision.report..")
                .layer("Store").definedBy("dev.coupondecision.store..")
                .layer("Scenario").definedBy("dev.coupondecision.scenario..")
                .layer("Decision").definedBy("dev.coupondecision.decision", "dev.coupondecision.decision.request..")
                .layer("Ruleset").definedBy("dev.coupondecision.ruleset..")
                .layer("Facts").definedBy("dev.coupondecision.decision.facts..")
                .layer("Leaves").definedBy("dev.coupondecision.config..", "dev.coupondecision.problem..",
                        "dev.coupondecision.hashing..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Health").mayNotBeAccessedByAnyLayer()
                .whereLayer("Security").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Console").mayNotBeAccessedByAnyLayer()
                .whereLayer("Upload").mayOnlyBeAccessedByLayers("Rest", "Console")
                .whereLayer("UseCases").mayOnlyBeAccessedByLayers("Rest", "Cli", "Console")
                .whereLayer("Gate").mayOnlyBeAccessedByLayers("Rest", "Cli", "Health", "UseCases", "Console")
                .whereLayer("Loop").mayOnlyBeAccessedByLayers("Rest", "UseCases", "Console")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Rest", "Cli", "Health", "UseCases", "Console", "Gate", "Loop")
                .whereLayer("Scenario").mayOnlyBeAccessedByLayers("Rest", "Cli", "UseCases", "Console", "Gate", "Store")
                .whereLayer("Decision").mayOnlyBeAccessedByLayers("Rest", "Cli", "Health", "UseCases", "Console", "Gate",
                        "Loop", "Store", "Scenario")
                .whereLayer("Ruleset").mayOnlyBeAccessedByLayers("Rest", "Cli", "Health", "Upload", "UseCases", "Console", "Gate",
                        "Loop", "Store", "Scenario", "Decision")
                .whereLayer("Facts").mayOnlyBeAccessedByLayers("Rest", "Cli", "UseCases", "Console", "Gate", "Loop", "Store",
                        "Scenario", "Decision", "Ruleset")
                .check(MAIN);
    }

    @Test
    void leavesDependOnNoOtherPackageOfTheService() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideInAnyPackage("dev.coupondecision.config..", "dev.coupondecision.problem..",
                        "dev.coupondecision.hashing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.coupondecision.activation..",
                        "dev.coupondecision.batch..", "dev.coupondecision.cli..", "dev.coupondecision.decision..",
                        "dev.coupondecision.health..", "dev.coupondecision.impact..", "dev.coupondecision.rest..",
                        "dev.coupondecision.security..", "dev.coupondecision.console..", "dev.coupondecision.store..", "dev.coupondecision.upload..",
                        "dev.coupondecision.ruleset..", "dev.coupondecision.scenario..",
                        "dev.coupondecision.decisionlog..", "dev.coupondecision.outcome..", "dev.coupondecision.report..")
                .check(MAIN);
    }

    @Test
    void theCodeGuardKnowsEveryTypeOfTheFactsPackage() {
        var factTypes = MAIN.stream().filter(c -> c.getPackageName().equals(FactsApi.PACKAGE))
                .filter(c -> c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .filter(c -> !c.isNestedClass())
                .map(JavaClass::getSimpleName).toList();
        assertThat(FactsApi.TYPES).extracting(Class::getSimpleName).containsExactlyInAnyOrderElementsOf(factTypes);
    }
}
