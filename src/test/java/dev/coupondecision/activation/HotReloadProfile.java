package dev.coupondecision.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.tables.RulesetCopy;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the service on a private copy of the shipped rule files in a new directory under target/, polled every 200 ms,
 * so tests can edit tables the way an analyst saves them and watch the running service react. Tests find the
 * directories through the service's own configuration ({@code coupon.tables-dir}, ...).
 *
 * <p>The reload and swap tests use the DORMANT amount (30 to 35) as their valid edit, so the copy's scenarios do not
 * pin that one amount; they still reach every row and pin everything else, and gate every reload.
 */
public class HotReloadProfile implements QuarkusTestProfile {
    private static Map<String, String> overrides;

    @Override
    public synchronized Map<String, String> getConfigOverrides() {
        if (overrides == null) {
            overrides = copyOfShippedFiles("coupon-hot-reload-");
            overrides.put("coupon.reload.poll-interval", "200ms");
        }
        return overrides;
    }

    static Map<String, String> copyOfShippedFiles(String prefix) {
        try {
            RulesetCopy copy = RulesetCopy.of(Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix),
                    HotReloadProfile::forgetDormantAmount);
            Map<String, String> config = new HashMap<>();
            config.put("coupon.rules-dir", copy.rules().toString());
            config.put("coupon.tables-dir", copy.tables().toString());
            config.put("coupon.scenarios-dir", copy.scenarios().toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forgetDormantAmount(ObjectNode scenario) {
        JsonNode expect = scenario.path("expect");
        if ("DORMANT".equals(expect.path("tier").asText()) && expect.path("coupon") instanceof ObjectNode coupon) {
            coupon.remove("amountOff");
        }
    }

    /** The same copy with polling off: only {@code POST /rulesets/reload} picks up changes. */
    public static class ManualReload implements QuarkusTestProfile {
        private static Map<String, String> overrides;

        @Override
        public synchronized Map<String, String> getConfigOverrides() {
            if (overrides == null) {
                overrides = copyOfShippedFiles("coupon-manual-reload-");
                overrides.put("coupon.reload.enabled", "false");
            }
            return overrides;
        }
    }
}
