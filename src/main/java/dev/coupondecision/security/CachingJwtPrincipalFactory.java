package dev.coupondecision.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.coupondecision.config.DecisionConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Verifies Bearer tokens with SmallRye JWT, adds the check it lacks (a token issued in the future is refused), and
 * remembers each verified token so that a CRM reusing its token for hours pays for one RSA verification, not one
 * per request. A remembered token is trusted until its {@code exp} or for {@code coupon.auth.token-cache.max-age},
 * whichever comes first; the cache lives in memory, so a restart (as after rotating the signing key) forgets all.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingJwtPrincipalFactory extends JWTCallerPrincipalFactory {
    private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Clock clock;
    private final Cache<String, JWTCallerPrincipal> verified;

    public CachingJwtPrincipalFactory(DecisionConfig config, Clock clock) {
        this.clock = clock;
        long maxAgeNanos = config.auth().tokenCache().maxAge().toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.auth().tokenCache().size())
                .expireAfter(new Expiry<String, JWTCallerPrincipal>() {
                    @Override
                    public long expireAfterCreate(String token, JWTCallerPrincipal principal, long now) {
                        long untilExp = TimeUnit.SECONDS.toNanos(principal.getExpirationTime() - clock.instant().getEpochSecond());
                        return Math.max(0, Math.min(maxAgeNanos, untilExp));
                    }

                    @Override
                    public long expireAfterUpdate(String token, JWTCallerPrincipal principal, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, JWTCallerPrincipal principal, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        long now = clock.instant().getEpochSecond();
        if (known != null && known.getExpirationTime() > now) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        long allowedFuture = now + Math.max(0, authContextInfo.getClockSkew());
        if (principal.getIssuedAtTime() > allowedFuture) {
            throw new ParseException("the token was issued at " + principal.getIssuedAtTime() + ", in the future (now "
                    + now + ", clock skew " + authContextInfo.getClockSkew() + " s)");
        }
        verified.put(token, principal);
        return principal;
    }
}
