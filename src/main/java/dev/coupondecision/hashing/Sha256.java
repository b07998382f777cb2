package dev.coupondecision.hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash of the service: content versions of rule files and scenarios, A/B buckets, decision ids. */
public final class Sha256 {
    /**
     * Never fed, only copied: a copy costs a few array copies, where {@code MessageDigest.getInstance} looks the
     * algorithm up in the security providers on every call (a third of a decision id's time under load).
     */
    private static final MessageDigest PROTOTYPE = newInstance();

    private Sha256() {
    }

    /** A new digest to feed in parts. */
    public static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newInstance(); // a provider whose digests cannot be copied
        }
    }

    /** The hash of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** The hash of {@code text} in UTF-8. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of a hash (or any bytes). */
    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static MessageDigest newInstance() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
