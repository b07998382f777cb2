package dev.coupondecision.cli;

import dev.coupondecision.security.ConsoleUsers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rules console-user NAME ROLE...}: a line for the console's users file, the password read from stdin. */
@Command(name = "console-user", mixinStandardHelpOptions = true,
        description = "Print a line for the console users file (coupon.console.users-file) with a bcrypt hash of the"
                + " password read from standard input, e.g. echo 'secret' | rules console-user maria analyst")
final class ConsoleUserCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the user's login name")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ROLE", description = "analyst and/or approver")
    List<String> roles;

    @Override
    public Integer call() throws IOException {
        if (!name.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + name + "' is not a user name (letters,"
                    + " digits, . _ @ -)");
        }
        for (String role : roles) {
            if (!ConsoleUsers.ROLES.contains(role)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + role + "' is not a console role;"
                        + " expected analyst or approver");
            }
        }
        String password = System.console() != null
                ? new String(System.console().readPassword("password for %s: ", name))
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.length() < 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a password of at least 8 characters on"
                    + " standard input");
        }
        spec.commandLine().getOut().println(ConsoleUsers.line(name, password, roles));
        return RulesTool.ACCEPTED;
    }
}
