package dev.coupondecision.security;

import dev.coupondecision.config.DecisionConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks console logins (Quarkus form authentication) against the users file ({@code coupon.console.users-file}):
 * a bcrypt hash and the roles of each user. The file is read at start; a malformed line stops the start with its
 * line number, so a typo never locks every analyst out silently.
 */
@ApplicationScoped
public class ConsoleUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    public static final Set<String> ROLES = Set.of("analyst", "approver");
    private static final Logger LOG = Logger.getLogger(ConsoleUsers.class);
    private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z0-9._@-]{1,100})\\s*=\\s*(\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53})\\s+([a-z,\\s]+)");

    record User(String hash, Set<String> roles) {
    }

    private final Map<String, User> users;

    public ConsoleUsers(DecisionConfig config) {
        this.users = config.console().usersFile().map(ConsoleUsers::read).orElseGet(() -> {
            LOG.warn("coupon.console.users-file is not set: nobody can log in to the console");
            return Map.of();
        });
    }

    /** One line of a users file for a user with this password and these roles. */
    public static String line(String name, String password, List<String> roles) {
        return name + " = " + BcryptUtil.bcryptHash(password) + " " + String.join(",", roles);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            User user = users.get(request.getUsername());
            String password = new String(request.getPassword().getPassword());
            // a missing user costs a hash check too, so that timing does not tell which names exist
            boolean matches = BcryptUtil.matches(password, user != null ? user.hash() : UNKNOWN_USER_HASH);
            if (user == null || !matches) {
                throw new AuthenticationFailedException("wrong user name or password");
            }
            return identity(request.getUsername(), user);
        });
    }

    /** The identity behind a console session cookie, while the user is still in the users file. */
    Optional<SecurityIdentity> sessionUser(String name) {
        return Optional.ofNullable(users.get(name)).map(user -> identity(name, user));
    }

    private static SecurityIdentity identity(String name, User user) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRoles(user.roles()).build();
    }

    private static final String UNKNOWN_USER_HASH = BcryptUtil.bcryptHash("no such user");

    static Map<String, User> read(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console users file " + file, e);
        }
        Map<String, User> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher user = LINE.matcher(line);
            Set<String> roles = user.matches() ? Set.copyOf(Arrays.stream(user.group(3).split(","))
                    .map(String::strip).filter(r -> !r.isEmpty()).toList()) : Set.of();
            if (!user.matches() || roles.isEmpty() || !ROLES.containsAll(roles)) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'name = bcrypt-hash role[,role]'"
                        + " with roles from " + ROLES + " (rules console-user NAME ROLE... prints such a line)");
            }
            users.put(user.group(1), new User(user.group(2), roles));
        }
        LOG.infof("console users: %s", users.keySet());
        return Map.copyOf(users);
    }
}
