package dev.coupondecision.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar) started as its own process on 127.0.0.1 and a free port,
 * with the dev JWT key and the given settings (system properties) and environment, its output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static ServiceProcess start(Map<String, String> settings, Map<String, String> environment) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("service-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", JAR.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("COUPON_JWT_PUBLIC_KEY_LOCATION", "dev-jwt/publicKey.pem");
            builder.environment().putAll(environment);
            return new ServiceProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the packaged service", e);
        }
    }

    /** Waits until readiness is UP; fails with the log's tail when the service stops or takes longer. */
    public ServiceProcess awaitReady(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(() -> "the service stopped:\n" + tail()).isTrue();
            try {
                if (RestAssured.given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (Exception notListeningYet) { // RestAssured rethrows ConnectException unchecked
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within " + within + ":\n" + tail());
    }

    /** Waits for the process to stop by itself; its exit code. */
    public int awaitExit(Duration within) throws InterruptedException {
        assertThat(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)).as("the service stops by itself").isTrue();
        return process.exitValue();
    }

    /** A request to this service with a dev-key token of a user with one role. */
    public RequestSpecification as(String user, String role) {
        return RestAssured.given().port(port).auth().oauth2(TestTokens.as(user, role));
    }

    public RequestSpecification anonymous() {
        return RestAssured.given().port(port);
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** A graceful stop (SIGTERM), as Kubernetes stops a pod. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
