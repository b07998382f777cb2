package dev.coupondecision.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Protects every state-changing console request against cross-site request forgery, in two independent ways: the
 * login cookie is SameSite=strict (quarkus.http.auth.form.cookie-same-site), and every POST must carry the user's
 * anti-forgery token in the {@code X-CSRF-Token} header (htmx adds it from the page) and, when the browser sends an
 * Origin, come from the console's own origin. The token is an HMAC of the user name keyed with the login cookie's
 * secret (quarkus.http.auth.session.encryption-key), so no server state is kept and every replica accepts it.
 * (quarkus-rest-csrf has no release for this Quarkus version.)
 */
@ApplicationScoped
public class ConsoleCsrf {
    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final byte[] key;
    private final SecurityIdentity identity;

    public ConsoleCsrf(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey,
                       SecurityIdentity identity) {
        // the secret every replica already shares for the login cookie, so a token from one replica holds on all
        this.key = sessionKey.map(k -> ("console-csrf:" + k).getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.identity = identity;
    }

    /** The current user's token, for the page to send back. */
    String token() {
        return token(identity.isAnonymous() ? "" : identity.getPrincipal().getName());
    }

    String token(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/console") || SAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin, request.getUriInfo().getRequestUri())) {
            return Optional.of(refuse("the request comes from another site (" + origin + ")"));
        }
        String sent = request.getHeaderString(HEADER);
        if (sent == null || identity.isAnonymous() || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                token().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(refuse("the page's anti-forgery token is missing or stale; reload the page"));
        }
        return Optional.empty();
    }

    private static boolean sameOrigin(String origin, URI request) {
        try {
            URI from = URI.create(origin);
            return from.getHost() != null && from.getHost().equalsIgnoreCase(request.getHost())
                    && effectivePort(from) == effectivePort(request);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static Response refuse(String why) {
        return Response.status(403).type("text/plain; charset=utf-8").entity("Refused: " + why + ".").build();
    }
}
