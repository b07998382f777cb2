package dev.coupondecision.tables;

import dev.coupondecision.cli.RulesTool;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableWorkbook;
import dev.coupondecision.ruleset.table.WorkbookReader;
import dev.coupondecision.support.Tools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The analysts' loop on the shipped policy, with the real editors: a working copy of decision-tables/, rules/ and
 * scenarios/; the DORMANT coupon's amount raised by 5 in openpyxl (a script) or in LibreOffice Calc (headless);
 * {@code rules validate} rejects it while the scenarios pin the old amount, {@code --update-scenarios} lists and
 * rewrites them and exits 0, and the plain check then passes. Where a program is not installed the test is
 * skipped with a message saying so; in CI (CI=true) it must be there.
 */
class AnalystLoopTest {
    @TempDir
    Path dir;

    @Test
    void anAmountChangedWithOpenpyxlGoesThroughTheLoop() throws Exception {
        String python = pythonWithOpenpyxl();
        Workspace work = workspace();
        run(List.of(python, "-c", """
                import sys, openpyxl
                book = openpyxl.load_workbook(sys.argv[1])
                book[sys.argv[2]][sys.argv[3]] = int(sys.argv[4])
                book.save(sys.argv[1])
                """, work.coupons().toString(), work.sheet(), work.amountCell(), work.newAmount().toPlainString()));
        loop(work);
    }

    @Test
    void anAmountChangedInLibreOfficeCalcGoesThroughTheLoop() throws Exception {
        needs("soffice", "LibreOffice Calc (Debian: libreoffice-calc-nogui)");
        Workspace work = workspace();
        Path profile = dir.resolve("lo-profile");
        Path flat = Files.createDirectories(dir.resolve("flat"));
        List<String> soffice = List.of("soffice", "--headless", "--norestore", "-env:UserInstallation=" + profile.toUri());
        run(concat(soffice, "--convert-to", "fods", "--outdir", flat.toString(), work.coupons().toString()));
        Path fods = flat.resolve("coupons.fods");
        Files.writeString(fods, typedInto(Files.readString(fods), work), StandardCharsets.UTF_8);
        run(concat(soffice, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work.tables().toString(), fods.toString()));
        try (ZipFile saved = new ZipFile(work.coupons().toFile())) {
            assertThat(new String(saved.getInputStream(saved.getEntry("docProps/app.xml")).readAllBytes(),
                    StandardCharsets.UTF_8)).as("written by Calc").contains("<Application>LibreOffice/");
        }
        loop(work);
    }

    /** The working copy and where the DORMANT coupon's amount is in it. */
    private record Workspace(Path root, Path tables, String sheet, String ruleName, String amountCell,
                             BigDecimal oldAmount) {
        Path coupons() {
            return tables.resolve("coupons.xlsx");
        }

        BigDecimal newAmount() {
            return oldAmount.add(BigDecimal.valueOf(5));
        }

        String[] validate(String... more) {
            List<String> args = new ArrayList<>(List.of("validate", "--rules", root.resolve("rules").toString(),
                    "--tables", tables.toString(), "--scenarios", root.resolve("scenarios").toString(), "--no-impact"));
            args.addAll(List.of(more));
            return args.toArray(String[]::new);
        }
    }

    private Workspace workspace() throws IOException {
        Path root = dir.resolve("work");
        for (String folder : List.of("rules", "decision-tables", "scenarios")) {
            copyTree(Path.of(folder), root.resolve(folder));
        }
        Path tables = root.resolve("decision-tables");
        TableWorkbook coupons = WorkbookReader.read("coupons.xlsx", Files.readAllBytes(tables.resolve("coupons.xlsx")));
        DecisionTable table = coupons.tables().get(0);
        DecisionTable.Column tier = column(table, "Tier");
        DecisionTable.Column amount = column(table, "Amount off");
        DecisionTable.RuleRow dormant = table.rows().stream().filter(r -> r.cell(tier).text().equals("DORMANT"))
                .findFirst().orElseThrow(() -> new AssertionError("the shipped coupons table has no DORMANT row"));
        return new Workspace(root, tables, table.sheet(), dormant.cells().get(0).text(), dormant.cell(amount).ref(),
                new BigDecimal(dormant.cell(amount).text()));
    }

    private void loop(Workspace work) {
        Run rejected = rules(work.validate());
        assertThat(rejected.exitCode()).as(rejected.out()).isEqualTo(1);
        assertThat(rejected.out()).contains("coupon.amountOff: expected " + work.oldAmount().toPlainString()
                + " but was " + work.newAmount().toPlainString());

        Run updated = rules(work.validate("--update-scenarios"));
        assertThat(updated.exitCode()).as(updated.out()).isZero();
        assertThat(updated.out()).containsPattern("Updated [1-9]\\d* scenarios? to expect what the rules now decide")
                .contains("coupon.amountOff: " + work.oldAmount().toPlainString() + " → " + work.newAmount().toPlainString());

        Run accepted = rules(work.validate());
        assertThat(accepted.exitCode()).as(accepted.out()).isZero();
        assertThat(RuleFileSet.read(work.root().resolve("rules"), work.tables()).ignored()).isEmpty();
    }

    /** The flat document with the amount of the DORMANT row typed anew: the row's first cell holding the old amount. */
    private static String typedInto(String fods, Workspace work) {
        String[] rows = fods.split("(?=<table:table-row[ >])", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].contains("<text:p>" + work.ruleName() + "</text:p>")) {
                String old = work.oldAmount().toPlainString();
                String now = work.newAmount().toPlainString();
                rows[i] = rows[i].replaceFirst("office:value=\"" + old + "\"", "office:value=\"" + now + "\"")
                        .replaceFirst("<text:p>" + old + "</text:p>", "<text:p>" + now + "</text:p>");
                return String.join("", rows);
            }
        }
        throw new AssertionError("no row '" + work.ruleName() + "' in Calc's document");
    }

    private static DecisionTable.Column column(DecisionTable table, String title) {
        return table.columns().stream().filter(c -> c.label().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no column '" + title + "'"));
    }

    private static String pythonWithOpenpyxl() throws Exception {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (Tools.has(python)) {
                Process probe = new ProcessBuilder(python, "-c", "import openpyxl").redirectErrorStream(true).start();
                if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return python;
                }
            }
        }
        needs("no-python-with-openpyxl", "python3 with openpyxl (Debian: python3-openpyxl)");
        return null;
    }

    private static void needs(String command, String what) {
        if (Tools.has(command)) {
            return;
        }
        if (Tools.required()) {
            fail(what + " is required in CI (CI=true); .ci/run installs it");
        }
        Assumptions.abort(what + " is not installed, so this editor's round trip is not run here");
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private record Run(int exitCode, String out) {
    }

    private static Run rules(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RulesTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
