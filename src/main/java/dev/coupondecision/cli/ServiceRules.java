package dev.coupondecision.cli;

import dev.coupondecision.ruleset.RuleArchive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The rule files a running service serves, fetched from {@code GET /rulesets/active/files} with an analyst token. */
final class ServiceRules {
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private ServiceRules() {
    }

    static Baseline active(URI service, String token) throws IOException {
        URI files = URI.create(service.toString().replaceAll("/+$", "") + "/rulesets/active/files");
        HttpRequest request = HttpRequest.newBuilder(files).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + files, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(files + " answered " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403
                    ? " (give an analyst token with --token or COUPON_TOKEN; bin/rules token analyst mints one for a dev service)" : ""));
        }
        String version = response.headers().firstValue("X-Ruleset-Version").orElse("?");
        return new Baseline("the active ruleset of " + service + " (" + version + ")",
                RuleArchive.read(response.body(), MAX_BYTES));
    }
}
