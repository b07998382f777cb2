package dev.coupondecision.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line checks for analysts, run from the built jar's class path without Quarkus (no CDI):
 * {@code validate} runs the same lint, compile, scenario and impact checks as {@code POST /rulesets/validate},
 * {@code show} prints a decision-table workbook as text (usable as a git textconv driver).
 */
public final class RulesTool {
    static final int ACCEPTED = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: rules validate [--rules DIR] [--tables DIR] [--scenarios DIR]
                                  [--against-rules DIR] [--against-tables DIR]
                                  [--population FILE.ndjson] [--size N] [--timezone ZONE] [--json]
                   rules show FILE.xlsx

              validate  lint, compile and run the regression scenarios on the rules in --rules (default rules)
                        and --tables (default decision-tables) with the scenarios in --scenarios (default
                        scenarios); with --against-rules and/or --against-tables (the other defaults to the
                        candidate's directory), also decide a population with both rulesets and report what
                        changes. Exit code 0 when the rules would be accepted, 1 when rejected, 2 on usage errors.
              show      print every RuleTable of a workbook with its spreadsheet rows and cell values, then the
                        DRL Drools generates from each sheet.
            """;

    private RulesTool() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one sub-command and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command given");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return switch (args[0]) {
                case "validate" -> ValidateCommand.run(rest, out, err);
                case "show" -> ShowCommand.run(rest, out);
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield ACCEPTED;
                }
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            err.println("rules: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (RuntimeException e) {
            // e.g. an unreadable scenario file: nothing can be accepted, so this is a rejection, not a crash
            err.println("rules: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return REJECTED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
