package dev.coupondecision.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a console session cookie (encrypted by Quarkus form authentication after a login) back into the user and
 * their roles, as they are in the users file now: a user removed from the file loses the session at once.
 */
@ApplicationScoped
public class ConsoleSessions implements IdentityProvider<TrustedAuthenticationRequest> {
    private final ConsoleUsers users;

    public ConsoleSessions(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return users.sessionUser(request.getPrincipal()).map(identity -> Uni.createFrom().item(identity))
                .orElseGet(() -> Uni.createFrom().failure(
                        new AuthenticationFailedException("the console user is no longer in the users file")));
    }
}
