package dev.coupondecision.rest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged service in the prod profile refuses to start without a JWT public key. */
class ProdRequiresJwtKeyIT {

    @Test
    void shouldRefuseToStartWithoutAPublicKey() throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).exists();
        Path output = Files.createTempFile("prod-without-key", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("COUPON_JWT_PUBLIC_KEY_LOCATION");
        Process process = builder.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("the service stops by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("mp.jwt.verify.publickey.location");
        Files.delete(output);
    }
}
