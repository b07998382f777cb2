package dev.coupondecision.hashing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void knownVectors() {
        // FIPS 180-2 examples
        assertThat(Sha256.hex(Sha256.of(""))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex(Sha256.of("abc"))).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(Sha256.of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void digestsFedInPartsAreIndependentOfEachOther() {
        MessageDigest first = Sha256.digest();
        MessageDigest second = Sha256.digest();
        first.update("ab".getBytes(StandardCharsets.UTF_8));
        second.update("xyz".getBytes(StandardCharsets.UTF_8));
        first.update("c".getBytes(StandardCharsets.UTF_8));
        assertThat(Sha256.hex(first.digest())).isEqualTo(Sha256.hex(Sha256.of("abc")));
        assertThat(Sha256.hex(second.digest())).isEqualTo(Sha256.hex(Sha256.of("xyz")));
        // a digest used before does not leak into the next one
        assertThat(Sha256.hex(Sha256.digest().digest())).isEqualTo(Sha256.hex(Sha256.of("")));
    }

    @Test
    void matchesTheJdksDigestFromManyThreadsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                results.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 5_000; i++) {
                        byte[] bytes = new byte[random.nextInt(300)];
                        random.nextBytes(bytes);
                        assertThat(Sha256.of(bytes)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(5_000);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
