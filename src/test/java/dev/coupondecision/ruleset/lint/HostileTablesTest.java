package dev.coupondecision.ruleset.lint;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.UnguardedCompiler;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.scenario.ScenarioResult;
import dev.coupondecision.scenario.ScenarioRunner;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static dev.coupondecision.ruleset.lint.RulesetLinterTest.LINTER;
import static dev.coupondecision.ruleset.lint.RulesetLinterTest.assertOnlyError;
import static dev.coupondecision.ruleset.lint.RulesetLinterTest.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Hostile rule files: spreadsheets and DRL that try to run code in the service. Every attempt must be rejected
 * by the check (lint for values and options, the code guard on the DRL for code) with a finding at the cell or
 * DRL line that carries it, and none may ever run. The payloads that Drools would accept write a marker file;
 * the control test compiles them with plain Drools and sees the marker appear, so an absent marker after the
 * real check proves the guard, not a dud payload. A third test bypasses the guard and keeps only the restricted
 * class loader: the payloads still cannot run (defence in depth).
 */
class HostileTablesTest {
    private static final String REFUSED = "rule code refused: ";
    private static final ScenarioRunner RUNNER = new ScenarioRunner(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    RulesetCopy copy;
    Path marker;

    @BeforeEach
    void copyShippedFiles() {
        copy = RulesetCopy.of(dir.resolve("ruleset"));
        marker = dir.resolve("hostile-code-ran");
    }

    // ---------------------------------------------------------------- code cells (developer rows)

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "System.exit(0);                             | 'System' is neither a variable",
            "Runtime.getRuntime().availableProcessors(); | 'Runtime' is neither a variable",
            "Class.forName(\"java.lang.System\");        | 'Class' is neither a variable",
            "new java.io.File(\"/tmp\").delete();        | 'java' is not a type of the decision facts",
            "Thread.sleep(60000);                        | 'Thread' is neither a variable",
            "kcontext.getKieRuntime().halt();            | 'kcontext' is neither a variable",
            "drools.halt();                              | 'drools' is neither a variable",
            "$d.getClass().getClassLoader();             | 'getClass(...)' is not a method of the decision facts",
            // the string-stripping hole of the old cell guard: code between commented quotes, after a char literal
            "/*\"*/ System.exit(0); /*\"*/               | 'System' is neither a variable",
            "char q = '\"'; System.exit(0);              | variable declaration"})
    void shouldRejectCodeCellCallingOutsideTheFacts(String hostile, String refused) {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G10", "$d.setAmountOff($param); " + hostile));

        RulesetCheck check = copy.check();

        assertThat(check.accepted()).isFalse();
        assertThat(errors(check.findings())).extracting(Finding::location).containsOnly("coupons.xlsx › Coupons › G10");
        assertThat(check.findings().get(0).message()).startsWith(REFUSED).contains(refused);
    }

    @Test
    void shouldRejectObjectTypeCellNamingAClassOutsideTheFacts() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B9", "$d : java.io.File"));

        RulesetCheck check = copy.check();

        assertThat(check.accepted()).isFalse();
        assertThat(errors(check.findings())).extracting(Finding::location, Finding::message).contains(
                tuple("coupons.xlsx › Coupons › B9", REFUSED + "'java.io.File' is not a type of the decision facts;"
                        + " patterns match CampaignType, ContactHistory, CouponType, Customer, DayType, Decision,"
                        + " HoldoutGroup, SendWindowSlot, Suppression, SuppressionCode, Tier, TierAssignment, TimeWindow"));
    }

    @Test
    void shouldRejectUnicodeEscapeThatWouldCloseAStringInACodeCell() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G10",
                "$d.setAmountOff($param); $d.setVariant(\"\\u0022); System.exit(0); //\");"));

        RulesetCheck check = copy.check();

        assertThat(check.accepted()).isFalse();
        assertThat(errors(check.findings())).extracting(Finding::location, Finding::message).containsExactly(
                tuple("coupons.xlsx › Coupons › G10", REFUSED + "'\\u0022': rule code must not contain"
                        + " unicode escapes (\\u...): Java turns them into code before compiling; type the character itself"));
    }

    // ---------------------------------------------------------------- value cells injecting code into templates

    @Test
    void shouldRejectTierCellThatBreaksOutOfItsCondition() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B13", "HIGH_VALUE) || System.exit(0) || (true"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › B13",
                "'HIGH_VALUE) || System.exit(0) || (true' is not a known Tier; expected one of "
                        + Arrays.stream(Tier.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + ". The tiers are fixed by the service (each has its rows in every table and its handling in"
                        + " the code): to add a tier, ask a developer");
    }

    @Test
    void shouldRejectAmountCellThatBreaksOutOfItsAction() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G15", "1); System.exit(0); (1"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › G15",
                "'1); System.exit(0); (1' is not a number; expected an amount >= 0");
    }

    @Test
    void shouldRejectTextCellThatBreaksOutOfItsQuotes() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("K20", "churned-offer, A\"); System.exit(0); (\""));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › K20",
                "' A\"); System.exit(0); (\"' must not contain quotes, backslashes or line breaks");
    }

    @Test
    void shouldCheckAValueAsCodeWhereTheTemplateAlsoUsesItOutsideQuotes() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t
                .set("K10", "$d.setVariant(\"$param\"); $d.setMinSpend($param);")
                .set("K20", "0); System.exit(0); $d.setMinSpend(0").set("K21", 0));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › K20",
                "'0); System.exit(0); $d.setMinSpend(0' is not a number; expected an amount >= 0");
    }

    @Test
    void shouldCheckItemsOfAnUnquotedListColumnAsValues() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t
                .set("D10", "forall(||){favoriteCategory == $}").set("D14", "null || System.exit(0) == null"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › D14",
                "'null || System.exit(0) == null' is not a number; each item of this column is a number");
    }

    @Test
    void shouldRejectPriorityThatIsAnExpression() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B3", "false")
                .set("L8", "PRIORITY").set("L11", "Priority").set("L12", "(java.lang.Runtime.getRuntime().availableProcessors())"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › L12",
                "'(java.lang.Runtime.getRuntime().availableProcessors())' is not a whole number; a priority is a number such as 10");
    }

    @Test
    void shouldRejectDescriptionThatClosesItsComment() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("L8", "DESCRIPTION").set("L11", "Note")
                .set("L12", "x */ when then System.exit(0); end rule Rest /* y"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › L12",
                "'x */ when then System.exit(0); end rule Rest /* y' must not contain quotes, backslashes, line breaks or comment marks (/* */)");
    }

    // ---------------------------------------------------------------- RuleSet options

    @Test
    void shouldRejectFunctionsOption() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("A6", "Functions")
                .set("B6", "function void hostile() { System.exit(0); }"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › A6", notAllowed("Functions"));
    }

    @Test
    void shouldRejectFunctionsOptionHiddenBelowTheTable() {
        // Drools reads every row outside a rule table as a RuleSet option, also one under the table's blank row.
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("A24", "Functions")
                .set("B24", "function void hostile() { System.exit(0); }"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › A24", notAllowed("Functions"));
    }

    @Test
    void shouldRejectVariablesOption() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("A6", "Variables").set("B6", "java.io.File hostileFile"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › A6", notAllowed("Variables"));
    }

    @Test
    void shouldRejectImportOfJavaIo() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B2", "dev.coupondecision.decision.facts.*, java.io.*"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › B2",
                "import 'java.io.*' is outside the decision facts; only dev.coupondecision.decision.facts.* may be imported");
    }

    @Test
    void shouldRejectImportWhoseValueSitsFurtherRight() {
        // Drools takes the first non-blank cell right of the key as the value, not only the adjacent one.
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("A6", "Import").set("D6", "java.io.*"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › D6",
                "import 'java.io.*' is outside the decision facts; only dev.coupondecision.decision.facts.* may be imported");
    }

    @Test
    void shouldRejectRuleSetNameThatSmugglesInARule() {
        String hostile = "dev.coupondecision.tables.coupons;rule\"h\"when/**/then/**/System.exit(0);end/**/import/**/java.util.List";
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B1", hostile));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › B1", "'" + hostile
                + "' is not a valid RuleSet; expected a Java package name such as dev.coupondecision.tables.coupons");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "B3 | maybe            | Sequential       | true or false",
            "B4 | offer\" salience | RULEFLOW-GROUP   | a group name of letters, digits, '-', '_' or '.'",
            "B5 | coupon group     | ACTIVATION-GROUP | a group name of letters, digits, '-', '_' or '.'"})
    void shouldRejectOptionValueThatIsNotThePlainValueOfItsOption(String cell, String value, String option, String expected) {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set(cell, value));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › " + cell,
                "'" + value + "' is not a valid " + option + "; expected " + expected);
    }

    // ---------------------------------------------------------------- DRL files

    @Test
    void shouldRejectDrlImportOfJavaIoAtItsLine() throws IOException {
        List<String> lines = Files.readAllLines(copy.drl("eligibility.drl"));
        int line = lines.indexOf("import dev.coupondecision.decision.facts.SuppressionCode;") + 2;
        lines.add(line - 1, "import java.io.File;");
        Files.write(copy.drl("eligibility.drl"), lines);

        assertOnlyError(copy.check().findings(), "eligibility.drl:" + line + ":1", REFUSED
                + "import 'java.io.File' is outside the decision facts; only dev.coupondecision.decision.facts.* and its types may be imported");
    }

    @Test
    void shouldRejectDrlImportsOnOneLineWithThePackageOrSplitOverTwoLines() throws IOException {
        Files.writeString(copy.drl("audit.drl"), """
                package dev.coupondecision.rules.audit; import java.io.File;
                import java.
                    nio.file.Files;
                """);

        assertThat(errors(copy.check().findings())).extracting(Finding::location, Finding::message)
                .containsExactly(
                        tuple("audit.drl:1:41", REFUSED + "import 'java.io.File' is outside the decision facts; only "
                                + "dev.coupondecision.decision.facts.* and its types may be imported"),
                        tuple("audit.drl:2:1", REFUSED + "import 'java.nio.file.Files' is outside the decision facts; only "
                                + "dev.coupondecision.decision.facts.* and its types may be imported"));
    }

    // ---------------------------------------------------------------- none of it ever runs

    /** Hostile edits whose code plain Drools would compile and run, each writing the marker file when it runs. */
    enum Payload {
        CODE_CELL("coupons.xlsx › Coupons › G10", table((t, marker) -> t.set("G10",
                "$d.setAmountOff($param); new java.io.FileWriter(\"" + marker + "\").close();"))),
        CODE_BETWEEN_COMMENTED_QUOTES("coupons.xlsx › Coupons › G10", table((t, marker) -> t.set("G10",
                "$d.setAmountOff($param); /*\"*/ new java.io.FileWriter(" + noQuotes(marker) + ").close(); /*\"*/"))),
        CODE_AFTER_A_CHAR_LITERAL("coupons.xlsx › Coupons › G10", table((t, marker) -> t.set("G10",
                "$d.setAmountOff($param); $d.setVariant(String.valueOf('\"')); new java.io.FileWriter("
                        + noQuotes(marker) + ").close();"))),
        UNICODE_ESCAPE_IN_CODE_CELL("coupons.xlsx › Coupons › G10", table((t, marker) -> t.set("G10",
                "$d.setAmountOff($param); $d.setVariant(\"\\u0022); new java.io.FileWriter(\\u0022" + marker
                        + "\\u0022).close(); //\");"))),
        PRIORITY_EXPRESSION("coupons.xlsx › Coupons › L12", table((t, marker) -> t.set("B3", "false").set("L8", "PRIORITY")
                .set("L11", "Priority").set("L12", "(new java.io.FileWriter('" + marker + "').hashCode())"))),
        DESCRIPTION_CLOSING_ITS_COMMENT("coupons.xlsx › Coupons › L12", table((t, marker) -> t.set("L8", "DESCRIPTION")
                .set("L11", "Note").set("L12", "x */ salience 99999 when then new java.io.FileWriter(" + noQuotes(marker)
                        + ").close(); end rule HostileRest /* y"))),
        RULESET_NAME_WITH_A_RULE("coupons.xlsx › Coupons › B1", table((t, marker) -> t.set("B1",
                "dev.coupondecision.tables.coupons;rule\"hostile\"salience/**/99999/**/when/**/then/**/new/**/"
                        + "java.io.FileWriter(\"" + marker + "\").close();end/**/import/**/java.util.List"))),
        VALUE_ALSO_USED_OUTSIDE_QUOTES("coupons.xlsx › Coupons › K20", table((t, marker) -> t
                .set("K10", "$d.setVariant(\"$param\"); $d.setMinSpend($param);")
                .set("K20", "0); new java.io.FileWriter(" + noQuotes(marker) + ").close(); $d.setMinSpend(0").set("K21", 0))),
        UNQUOTED_LIST_ITEM("coupons.xlsx › Coupons › D14", table((t, marker) -> t.set("D10", "forall(||){favoriteCategory == $}")
                .set("D14", "null || new java.io.FileWriter('" + marker + "') != null"))),
        DRL_FULLY_QUALIFIED_CALL("audit.drl:9:5", drl(marker -> """
                package dev.coupondecision.rules.audit;
                import dev.coupondecision.decision.facts.*;

                rule "Audit"
                    ruleflow-group "eligibility"
                when
                    $d : Decision()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                end
                """.formatted(marker))),
        DRL_FUNCTION("audit.drl:3:1", drl(marker -> """
                package dev.coupondecision.rules.audit;
                import dev.coupondecision.decision.facts.*;
                function void audit() { try { new java.io.FileWriter("%s").close(); } catch (Exception e) { } }
                rule "Audit"
                    ruleflow-group "eligibility"
                when
                    $d : Decision()
                then
                    audit();
                end
                """.formatted(marker))),
        DRL_DECLARE_FIELD_INITIALIZER("audit.drl:3:9", drl(marker -> """
                package dev.coupondecision.rules.audit;
                import dev.coupondecision.decision.facts.*;
                declare AuditTrail
                    file : java.io.File = java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran").toFile()
                end
                rule "Audit"
                    ruleflow-group "eligibility"
                when
                    $d : Decision()
                then
                    insert(new AuditTrail());
                end
                """.formatted(marker)));

        final String location;
        final BiConsumer<RulesetCopy, Path> edit;

        Payload(String location, BiConsumer<RulesetCopy, Path> edit) {
            this.location = location;
            this.edit = edit;
        }

        private static BiConsumer<RulesetCopy, Path> table(BiConsumer<TableEdit, Path> change) {
            return (copy, marker) -> TableEdit.edit(copy.table("coupons.xlsx"), t -> change.accept(t, marker));
        }

        private static BiConsumer<RulesetCopy, Path> drl(java.util.function.Function<Path, String> text) {
            return (copy, marker) -> {
                try {
                    Files.writeString(copy.drl("audit.drl"), text.apply(marker));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
        }

        /** The path as Java code without quote characters: new String(new char[]{47, 116, ...}). */
        private static String noQuotes(Path path) {
            return path.toString().chars().mapToObj(String::valueOf)
                    .collect(Collectors.joining(",", "new String(new char[]{", "})"));
        }
    }

    @ParameterizedTest
    @EnumSource(Payload.class)
    void shouldRejectHostileEditBeforeAnyOfItsCodeRuns(Payload payload) {
        CompiledRuleset previous = copy.check().compiled();
        payload.edit.accept(copy, marker);

        RulesetCheck check = copy.check();

        assertThat(check.accepted()).isFalse();
        assertThat(check.compiled()).isNull();
        assertThat(check.scenarios()).as("rejected before compiling, so no scenario ran on it").isNull();
        assertThat(errors(check.findings())).extracting(Finding::location).contains(payload.location);
        assertThat(marker).as("hostile code ran during the check").doesNotExist();

        List<ScenarioResult> results = RUNNER.runAll(ScenarioLoader.read(copy.scenarios()).scenarios(), previous);
        assertThat(results).allMatch(ScenarioResult::passed);
        assertThat(marker).as("hostile code ran during decisions on the previous ruleset").doesNotExist();
    }

    /** Control: plain Drools compiles the same payloads and runs them, so the marker test above has teeth. */
    @ParameterizedTest
    @EnumSource(Payload.class)
    void hostilePayloadRunsWithPlainDrools(Payload payload) {
        payload.edit.accept(copy, marker);

        CompiledRuleset unchecked = UnguardedCompiler.compile(copy.files());
        RUNNER.runAll(ScenarioLoader.read(copy.scenarios()).scenarios(), unchecked);

        assertThat(marker).exists();
    }

    /** Defence in depth: without the guard, the class loader rules are compiled with still keeps the code from running. */
    @ParameterizedTest
    @EnumSource(Payload.class)
    void hostilePayloadCannotRunWithTheRuleClassLoaderAlone(Payload payload) {
        payload.edit.accept(copy, marker);

        try {
            CompiledRuleset unchecked = UnguardedCompiler.compileWithRuleClassLoader(copy.files());
            RUNNER.runAll(ScenarioLoader.read(copy.scenarios()).scenarios(), unchecked);
        } catch (RuntimeException | LinkageError refused) {
            // refused at compile time (the class cannot be resolved) or when the rule runs (it cannot be loaded)
        }

        assertThat(marker).doesNotExist();
    }

    private static String notAllowed(String option) {
        return "RuleSet option '" + option + "' is not allowed in analysts' tables; allowed: Import, Sequential, "
                + "RULEFLOW-GROUP, ACTIVATION-GROUP and the other rule attributes (no Functions, Variables, Queries or Declare)";
    }
}
