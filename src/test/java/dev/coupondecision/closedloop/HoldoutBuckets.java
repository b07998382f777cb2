package dev.coupondecision.closedloop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.IntPredicate;

/**
 * The holdout bucket computed independently of the service, from the documented definition: the first four bytes of
 * SHA-256("experiment:customerId") as an unsigned big-endian number, mod 100.
 */
final class HoldoutBuckets {

    private HoldoutBuckets() {
    }

    static int bucket(String experiment, String customerId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((experiment + ":" + customerId).getBytes(StandardCharsets.UTF_8));
            long unsigned = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
            return (int) (unsigned % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String firstCustomer(String experiment, IntPredicate bucket) {
        for (int i = 0; ; i++) {
            if (bucket.test(bucket(experiment, "s-" + i))) {
                return "s-" + i;
            }
        }
    }
}
