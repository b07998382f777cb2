package dev.coupondecision.ruleset.lint;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.scenario.ScenarioResult;
import dev.coupondecision.scenario.ScenarioRunner;
import dev.coupondecision.tables.ShippedCopy;
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
 * Hostile tables: spreadsheets that try to run code in the service. Every attempt must be rejected by the lint
 * step with a finding at the cell (or DRL line) that carries it, and none may ever run. The payloads that
 * Drools would accept write a marker file; the control test compiles them without the linter and sees the
 * marker appear, so an absent marker after the real check proves the guard, not a dud payload.
 */
class HostileTablesTest {
    private static final String OUTSIDE = ", outside what tables may use: " + CodeGuard.allowedSummary();
    private static final ScenarioRunner RUNNER = new ScenarioRunner(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    ShippedCopy copy;
    Path marker;

    @BeforeEach
    void copyShippedFiles() {
        copy = ShippedCopy.of(dir.resolve("ruleset"));
        marker = dir.resolve("hostile-code-ran");
    }

    // ---------------------------------------------------------------- code cells

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "System.exit(0);                             | System, exit",
            "Runtime.getRuntime().availableProcessors(); | Runtime, getRuntime, availableProcessors",
            "Class.forName(\"java.lang.System\");        | Class, forName",
            "new java.io.File(\"/tmp\").delete();        | java, io, File, delete",
            "Thread.sleep(60000);                        | Thread, sleep",
            "new Thread().start();                       | Thread, start",
            "kcontext.getKieRuntime().halt();            | kcontext, getKieRuntime, halt",
            "drools.halt();                              | drools, halt",
            "$d.getClass().getClassLoader();             | getClass, getClassLoader"})
    void shouldRejectCodeCellCallingOutsideTheFacts(String hostile, String named) {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G10", "$d.setAmountOff($param); " + hostile));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › G10", "code uses " + named + OUTSIDE);
    }

    @Test
    void shouldRejectObjectTypeCellNamingAClassOutsideTheFacts() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B9", "$d : java.io.File"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › B9", "code uses java, io, File" + OUTSIDE);
    }

    @Test
    void shouldRejectUnicodeEscapeThatWouldCloseAStringInACodeCell() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G10",
                "$d.setAmountOff($param); $d.setVariant(\"\\u0022); System.exit(0); //\");"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › G10",
                "code contains a unicode escape (\\u...), which Java turns into code before compiling; type the character itself");
    }

    // ---------------------------------------------------------------- value cells injecting code into templates

    @Test
    void shouldRejectTierCellThatBreaksOutOfItsCondition() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B13", "HIGH_VALUE) || System.exit(0) || (true"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › B13",
                "'HIGH_VALUE) || System.exit(0) || (true' is not a known Tier; expected one of "
                        + Arrays.stream(Tier.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    @Test
    void shouldRejectAmountCellThatBreaksOutOfItsAction() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G15", "1); System.exit(0); (1"));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › G15",
                "'1); System.exit(0); (1' is not a number; expected an amount >= 0");
    }

    @Test
    void shouldRejectTextCellThatBreaksOutOfItsQuotes() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("K20", "A\"); System.exit(0); (\""));

        assertOnlyError(LINTER.lint(copy.files()), "coupons.xlsx › Coupons › K20",
                "'A\"); System.exit(0); (\"' must not contain quotes, backslashes or line breaks");
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

        assertOnlyError(LINTER.lint(copy.files()), "eligibility.drl:" + line + ":1",
                "import 'java.io.File' is outside the project's domain package dev.coupondecision.decision.facts");
    }

    @Test
    void shouldRejectDrlImportFollowedByACommentOrAnotherImport() throws IOException {
        Files.writeString(copy.drl("audit.drl"), """
                package dev.coupondecision.rules.audit;

                import java.io.File; // for the audit log
                import dev.coupondecision.decision.facts.Decision; import java.nio.file.Files;
                """);

        assertThat(errors(LINTER.lint(copy.files()))).extracting(Finding::location, Finding::message).containsExactly(
                tuple("audit.drl:3:1", "import 'java.io.File' is outside the project's domain package dev.coupondecision.decision.facts"),
                tuple("audit.drl:4:52", "import 'java.nio.file.Files' is outside the project's domain package dev.coupondecision.decision.facts"));
    }

    // ---------------------------------------------------------------- none of it ever runs

    /** Hostile edits whose code Drools would compile and run, each writing the marker file when it runs. */
    enum Payload {
        CODE_CELL("G10", (t, marker) -> t.set("G10",
                "$d.setAmountOff($param); new java.io.FileWriter(\"" + marker + "\").close();")),
        UNICODE_ESCAPE_IN_CODE_CELL("G10", (t, marker) -> t.set("G10",
                "$d.setAmountOff($param); $d.setVariant(\"\\u0022); new java.io.FileWriter(\\u0022" + marker
                        + "\\u0022).close(); //\");")),
        PRIORITY_EXPRESSION("L12", (t, marker) -> t.set("B3", "false").set("L8", "PRIORITY").set("L11", "Priority")
                .set("L12", "(new java.io.FileWriter('" + marker + "').hashCode())")),
        DESCRIPTION_CLOSING_ITS_COMMENT("L12", (t, marker) -> t.set("L8", "DESCRIPTION").set("L11", "Note")
                .set("L12", "x */ salience 99999 when then new java.io.FileWriter(" + noQuotes(marker)
                        + ").close(); end rule HostileRest /* y")),
        RULESET_NAME_WITH_A_RULE("B1", (t, marker) -> t.set("B1", "dev.coupondecision.tables.coupons;rule\"hostile\""
                + "salience/**/99999/**/when/**/then/**/new/**/java.io.FileWriter(\"" + marker + "\").close();"
                + "end/**/import/**/java.util.List")),
        VALUE_ALSO_USED_OUTSIDE_QUOTES("K20", (t, marker) -> t
                .set("K10", "$d.setVariant(\"$param\"); $d.setMinSpend($param);")
                .set("K20", "0); new java.io.FileWriter(" + noQuotes(marker) + ").close(); $d.setMinSpend(0").set("K21", 0)),
        UNQUOTED_LIST_ITEM("D14", (t, marker) -> t.set("D10", "forall(||){favoriteCategory == $}")
                .set("D14", "null || new java.io.FileWriter('" + marker + "') != null"));

        final String cell;
        final BiConsumer<TableEdit, Path> edit;

        Payload(String cell, BiConsumer<TableEdit, Path> edit) {
            this.cell = cell;
            this.edit = edit;
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
        CompiledRuleset previous = copy.verifier().verify(copy.files()).compiled();
        TableEdit.edit(copy.table("coupons.xlsx"), t -> payload.edit.accept(t, marker));

        RulesetCheck check = copy.verifier().verify(copy.files());

        assertThat(check.accepted()).isFalse();
        assertThat(check.compiled()).isNull();
        assertThat(check.scenarios()).as("rejected before compiling, so no scenario ran on it").isNull();
        assertThat(errors(check.findings())).extracting(Finding::location).contains("coupons.xlsx › Coupons › " + payload.cell);
        assertThat(marker).as("hostile code ran during the check").doesNotExist();

        List<ScenarioResult> results = RUNNER.runAll(ScenarioLoader.load(copy.scenarios()), previous);
        assertThat(results).allMatch(ScenarioResult::passed);
        assertThat(marker).as("hostile code ran during decisions on the previous ruleset").doesNotExist();
    }

    /** Control: without the lint step the same payloads compile and run, so the marker test above has teeth. */
    @ParameterizedTest
    @EnumSource(Payload.class)
    void hostilePayloadRunsWhenTheLinterIsBypassed(Payload payload) {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> payload.edit.accept(t, marker));

        CompiledRuleset unchecked = new RulesetCompiler(Clock.systemUTC()).compile(copy.files());
        RUNNER.runAll(ScenarioLoader.load(copy.scenarios()), unchecked);

        assertThat(marker).exists();
    }

    private static String notAllowed(String option) {
        return "RuleSet option '" + option + "' is not allowed in analysts' tables; allowed: Import, Sequential, "
                + "RULEFLOW-GROUP, ACTIVATION-GROUP and the other rule attributes (no Functions, Variables, Queries or Declare)";
    }
}
