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
 * The analysts' tools, run without starting the service ({@code java -jar target/rules-cli/rules.jar}, wrapped by
 * {@code bin/rules} and {@code bin\rules.cmd}): {@code validate} runs the service's own check and the impact,
 * optionally updating scenarios; {@code scenario new} records a scenario from a profile; {@code show} prints a
 * workbook as text (a git textconv driver); {@code format} lays a workbook out for people; {@code token} mints a
 * development token. Exit codes: 0 accepted, 1 rejected, 2 usage error.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, version = "rules 1.0",
        description = "Checks and shows the coupon decision rules as the service would.",
        subcommands = {ValidateCommand.class, ScenarioCommand.class, ShowCommand.class, FormatCommand.class,
                TokenCommand.class, ConsoleUserCommand.class, CommandLine.HelpCommand.class})
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
        // POI and Drools log through the JBoss log manager the service uses; java -jar cannot set it on the command line
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
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
