package dev.coupondecision.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Command-line checks for analysts, run without starting the service: {@code validate} runs the same lint,
 * compile, scenario and impact checks as {@code POST /rulesets/validate}, {@code show} prints a decision-table
 * workbook as text (usable as a git textconv driver). Exit codes: 0 accepted, 1 rejected, 2 usage error.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, version = "rules 1.0",
        description = "Checks and shows the coupon decision rules as the service would.",
        subcommands = {ValidateCommand.class, ShowCommand.class, CommandLine.HelpCommand.class})
public final class RulesTool implements Runnable {
    static final int ACCEPTED = 0;
    static final int REJECTED = 1;
    static final int USAGE = CommandLine.ExitCode.USAGE;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one sub-command and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine commandLine = new CommandLine(new RulesTool())
                .setOut(outWriter)
                .setErr(errWriter)
                .registerConverter(ZoneId.class, RulesTool::zone)
                .setExecutionExceptionHandler((e, cli, parsed) -> {
                    // e.g. an unreadable scenario file: nothing can be accepted, so this is a rejection, not a crash
                    cli.getErr().println("rules: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return REJECTED;
                });
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + id + "' is not a time zone id such as Asia/Shanghai");
        }
    }
}
