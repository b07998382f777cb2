package dev.coupondecision.cli;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code rules token ROLE...}: a development bearer token (RS256) signed with the documented dev key, for a service
 * started on the dev key ({@code java -jar}, {@code mvn quarkus:dev}). Production services trust their own key only.
 */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print a development bearer token with the given roles, signed with the dev key "
                + "(dev/jwt/privateKey.pem), e.g. rules token analyst")
final class TokenCommand implements Callable<Integer> {
    static final List<String> ROLES = List.of("crm", "analyst", "approver");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ROLE", arity = "1..*", description = "crm (decide), analyst (rulesets), approver"
            + " (activate rulesets)")
    List<String> roles;

    @Option(names = "--key", paramLabel = "FILE.pem", defaultValue = "dev/jwt/privateKey.pem",
            description = "PKCS#8 private key (default: ${DEFAULT-VALUE})")
    Path key;

    @Option(names = "--hours", paramLabel = "N", defaultValue = "8", description = "lifetime (default: ${DEFAULT-VALUE})")
    int hours;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "dev-user", description = "the token's user (default: ${DEFAULT-VALUE})")
    String user;

    @Override
    public Integer call() throws IOException {
        Set<String> groups = new LinkedHashSet<>(roles);
        for (String role : groups) {
            if (!ROLES.contains(role)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + role + "' is not a role; expected "
                        + String.join(", ", ROLES));
            }
        }
        if (hours < 1 || hours > 24 * 30) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hours " + hours + " must be 1 to 720");
        }
        if (!Files.isRegularFile(key)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--key " + key + " is not a file (run from the"
                    + " project folder, or give the key's path)");
        }
        PrivateKey privateKey;
        try {
            privateKey = KeyUtils.decodePrivateKey(Files.readString(key, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), key + " is not a PKCS#8 PEM private key");
        }
        spec.commandLine().getOut().println(Jwt.issuer("coupon-decision").subject(user).upn(user).groups(groups)
                .expiresIn(Duration.ofHours(hours)).sign(privateKey));
        return RulesTool.ACCEPTED;
    }
}
