package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.hashing.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads scenario files: every {@code *.json} below a directory, each holding one scenario
 * {@code {"name", "description"?, "request", "expect"}}, skipping hidden files and directories. A file that is not such a scenario is an error
 * naming the file, so a broken scenario never passes silently.
 */
public final class ScenarioLoader {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());

    private ScenarioLoader() {
    }

    /**
     * Reads every scenario below {@code dir} once, and fingerprints the same bytes: the fingerprint changes whenever
     * a scenario is added, edited or removed.
     */
    public static ScenarioSet read(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            Map<String, byte[]> files = new TreeMap<>();
            for (Path path : paths.filter(p -> isScenario(dir, p)).toList()) {
                files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
            return read(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenarios from " + dir.toAbsolutePath(), e);
        }
    }

    /**
     * Reads scenarios kept elsewhere (a stored ruleset, an upload): relative file name to bytes. The same files
     * give the same fingerprint as when read from a folder.
     *
     * @throws IllegalArgumentException naming the file that is not a scenario
     */
    public static ScenarioSet read(Map<String, byte[]> files) {
        MessageDigest digest = Sha256.digest();
        List<Scenario> scenarios = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(file.getValue());
            try {
                scenarios.add(read(file.getKey(), file.getValue()));
            } catch (IOException e) {
                throw new IllegalArgumentException("scenario " + file.getKey() + " is not valid JSON: " + e.getMessage(), e);
            }
        }
        return new ScenarioSet(scenarios, Sha256.hex(digest.digest()).substring(0, 12), files);
    }

    private static boolean isScenario(Path dir, Path path) {
        return path.toString().endsWith(".json") && !hidden(dir.relativize(path));
    }

    /**
     * Kubernetes mounts a ConfigMap as hidden {@code ..data} and timestamped directories plus links to their
     * files; only the links count, or every scenario would load twice.
     */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static Scenario read(String file, byte[] content) throws IOException {
        JsonNode root = JSON.readTree(content);
        for (String field : List.of("name", "request", "expect")) {
            if (root == null || !root.hasNonNull(field)) {
                throw new IllegalArgumentException("scenario " + file + " has no \"" + field + "\"");
            }
        }
        String description = root.hasNonNull("description") ? root.get("description").asText() : null;
        return new Scenario(file, root.get("name").asText(), description, root.get("request"), root.get("expect"));
    }
}
