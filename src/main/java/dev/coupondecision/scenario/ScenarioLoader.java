package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.config.JsonConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    public static List<Scenario> load(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Scenario> scenarios = new ArrayList<>();
            for (Path path : paths.filter(p -> p.toString().endsWith(".json") && !hidden(dir.relativize(p)))
                    .sorted().toList()) {
                scenarios.add(read(dir.relativize(path).toString(), Files.readAllBytes(path)));
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenarios from " + dir.toAbsolutePath(), e);
        }
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
