package dev.coupondecision.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real PostgreSQL server for the tests, from the Debian package (postgresql, installed by .ci/run): a fresh cluster
 * in a temporary directory, listening on 127.0.0.1 only on a free port, trusting local connections, started once per
 * test JVM and stopped when it exits. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
 * Each caller gets a database of its own. Where PostgreSQL is not installed the calling test is skipped with a
 * message; in CI (CI=true) it fails instead.
 */
public final class PostgresServer {
    private static final String USER = "coupon";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final int port;
    private final Path dir;
    private final boolean root;

    private PostgresServer(int port, Path dir, boolean root) {
        this.port = port;
        this.dir = dir;
        this.root = root;
    }

    /** A server of the caller's own (which it may stop and start again), stopped when the JVM exits. */
    public static PostgresServer own() {
        return start();
    }

    /** Stops the server (fast shutdown: connections are cut), as an outage would. */
    public void stop() {
        run(asPostgres(root, binaries().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                "-w", "stop"), null);
    }

    /** Starts a stopped server again on the same port, with its data. */
    public void restart() {
        pgCtlStart(binaries(), dir, dir.resolve("data"), port, root);
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A new, empty database; its JDBC URL. */
    public String newDatabase() {
        String name = "coupon_test_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public String user() {
        return USER;
    }

    public int port() {
        return port;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("coupon-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()), null);
            }
            Path data = dir.resolve("data");
            int port = freePort();
            run(asPostgres(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                    "--encoding=UTF8", "--no-sync"), null);
            pgCtlStart(bin, dir, data, port, root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    if (Files.exists(data.resolve("postmaster.pid"))) {
                        run(asPostgres(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "stop"), null);
                    }
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
                }
            }));
            return new PostgresServer(port, dir, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    private static void pgCtlStart(Path bin, Path dir, Path data, int port, boolean root) {
        run(asPostgres(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), null);
    }

    private static Path binaries() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (Tools.required()) {
            fail("PostgreSQL is required in CI (CI=true); .ci/run installs the Debian package postgresql");
        }
        Assumptions.abort("PostgreSQL (Debian: postgresql) is not installed, so the store is not tested against it here");
        return null;
    }

    private static List<String> asPostgres(boolean root, String... command) {
        List<String> all = new ArrayList<>();
        if (root) {
            all.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        all.addAll(List.of(command));
        return all;
    }

    private static void run(List<String> command, Path dir) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
