package dev.coupondecision.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Duration;

/**
 * Bearer tokens for tests, signed with the documented dev key (dev/jwt/privateKey.pem) so they work
 * against the in-process service and the packaged jar alike.
 */
public final class TestTokens {
    private static final String ISSUER = "coupon-decision";
    private static PrivateKey key;

    private TestTokens() {
    }

    public static String crm() {
        return withRoles("crm");
    }

    public static String analyst() {
        return withRoles("analyst");
    }

    public static String withRoles(String... roles) {
        return Jwt.issuer(ISSUER).upn("test-user").groups(java.util.Set.of(roles))
                .expiresIn(Duration.ofHours(1)).sign(privateKey());
    }

    /** A token of a named user (four-eyes checks tell users apart by the upn). */
    public static String as(String user, String... roles) {
        return Jwt.issuer(ISSUER).upn(user).groups(java.util.Set.of(roles)).expiresIn(Duration.ofHours(1)).sign(privateKey());
    }

    /** A token with an issued-at time of our choosing (valid for a year after it). */
    public static String issuedAt(java.time.Instant issuedAt, String... roles) {
        return Jwt.issuer(ISSUER).upn("test-user").groups(java.util.Set.of(roles)).issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofDays(365))).sign(privateKey());
    }

    /** A token that expires soon. */
    public static String expiringIn(Duration lifetime, String... roles) {
        return Jwt.issuer(ISSUER).upn("test-user").groups(java.util.Set.of(roles)).expiresIn(lifetime).sign(privateKey());
    }

    /** A token signed by a key the service does not trust. */
    public static String signedByAnotherKey(String role) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).upn("intruder").groups(role).sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            try {
                key = KeyUtils.decodePrivateKey(java.nio.file.Files.readString(java.nio.file.Path.of("dev/jwt/privateKey.pem")));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read dev/jwt/privateKey.pem", e);
            }
        }
        return key;
    }
}
