package dev.coupondecision.rest;

import dev.coupondecision.support.TestTokens;
import dev.coupondecision.support.Tools;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a CRM team does with the API description: generate a client from the running service's /q/openapi and
 * write code against it. A TypeScript client from openapi-typescript (npm) must type-check code that reads
 * decisions, batch lines and problems; a Java client from openapi-generator (Maven Central) must compile code that
 * calls /decide, and that code is then run against the packaged service.
 */
@QuarkusIntegrationTest
class GeneratedClientsIT {
    private static final Path WORK = Path.of("target/generated-clients");
    private static final String OPENAPI_TYPESCRIPT = "openapi-typescript@7.13.0";
    private static final String TYPESCRIPT = "typescript@5.9.3";

    @Test
    void aTypeScriptClientTypeChecksCodeThatUsesIt() throws IOException, InterruptedException {
        boolean npm = Tools.has("npm");
        if (!npm && Tools.required()) {
            throw new AssertionError("npm is missing: .ci/run installs nodejs and npm");
        }
        Assumptions.assumeTrue(npm, "npm is not installed here: skipping the TypeScript client (CI installs it)");
        Path dir = Files.createDirectories(WORK.resolve("typescript"));
        Files.writeString(dir.resolve("openapi.json"), openApi());
        run(dir, "npm", "install", "--no-audit", "--no-fund", "--no-save", OPENAPI_TYPESCRIPT, TYPESCRIPT);
        run(dir, "node_modules/.bin/openapi-typescript", "openapi.json", "-o", "api.d.ts");
        Files.writeString(dir.resolve("use.ts"), """
                import type { components, paths } from "./api";

                type Decision = components["schemas"]["DecisionResponse"];
                type DecisionRequest = components["schemas"]["DecisionRequest"];
                type BatchLine = components["schemas"]["BatchResultLine"];
                type Problem = components["schemas"]["Problem"];
                type DecideOk = paths["/decide"]["post"]["responses"][200]["content"]["application/json"];
                type DecideBad = paths["/decide"]["post"]["responses"][400]["content"]["application/problem+json"];

                export const request: DecisionRequest = { customerId: "c-1", smsConsent: true, orderCount: 0 };

                export function summary(decision: DecideOk): string {
                  const coupon = decision.coupon;
                  return `${decision.tier ?? "no tier"}: ${coupon === null ? "no coupon" : coupon.type}`
                    + ` until ${coupon?.validUntil ?? "-"} (${decision.eligible ? "send"
                    : decision.suppressions.map((s) => s.code + (s.cap ? " " + s.cap : "")).join(", ")})`;
                }

                export function explain(line: BatchLine): string {
                  return line.error ? `${line.line} ${line.customerId ?? ""}: ${line.error.title}`
                    : `${line.line}: ${line.decision?.decisionId}`;
                }

                export function fields(problem: Problem | DecideBad): string[] {
                  return (problem.violations ?? []).map((v) => `${v.field}: ${v.expected}`);
                }

                // @ts-expect-error: tiers are an enumeration
                export const unknownTier: Decision["tier"] = "PLATINUM";
                // @ts-expect-error: a decision always names its ruleset version
                export const noVersion: Decision["rulesetVersion"] = undefined;
                """);

        run(dir, "node_modules/.bin/tsc", "--noEmit", "--strict", "use.ts");
    }

    @Test
    void aJavaClientCompilesAndDecidesAgainstTheService() throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("java"));
        deleteTree(dir.resolve("client")); // models of an earlier API description must not compile along
        Files.writeString(dir.resolve("openapi.json"), openApi());
        Path generator = Path.of("target/tools/openapi-generator-cli.jar").toAbsolutePath();
        assertThat(generator).as("copied by the build (maven-dependency-plugin)").exists();
        run(dir, javaExecutable(), "-jar", generator.toString(), "generate", "-g", "java", "--library", "native",
                "-i", "openapi.json", "-o", "client", "--api-package", "crm.api", "--model-package", "crm.model",
                "--invoker-package", "crm.invoker", "--additional-properties",
                "useJakartaEe=true,openApiNullable=false,hideGenerationTimestamp=true,annotationLibrary=none");
        Path usage = Files.createDirectories(dir.resolve("usage/crm"));
        Files.writeString(usage.resolve("Usage.java"), """
                package crm;

                import crm.api.DecisionsApi;
                import crm.invoker.ApiClient;
                import crm.invoker.ApiException;
                import crm.model.DecisionRequest;
                import crm.model.DecisionResponse;
                import java.time.OffsetDateTime;

                public class Usage {
                    public static String decide(String baseUri, String token) throws ApiException {
                        ApiClient client = new ApiClient();
                        client.updateBaseUri(baseUri);
                        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
                        DecisionRequest request = new DecisionRequest().customerId("generated-1").smsConsent(true)
                                .orderCount(0).asOf(OffsetDateTime.parse("2026-11-20T12:00:00+08:00"));
                        DecisionResponse decision = new DecisionsApi(client).decide(request);
                        return decision.getTier() + " " + decision.getEligible() + " "
                                + (decision.getCoupon() == null ? "-" : decision.getCoupon().getType())
                                + " " + decision.getSuppressions().get(0).getCode();
                    }

                    public static int refused(String baseUri, String token) {
                        ApiClient client = new ApiClient();
                        client.updateBaseUri(baseUri);
                        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
                        try {
                            new DecisionsApi(client).decide(new DecisionRequest().customerId("generated-2").orderCount(-1));
                            return 0;
                        } catch (ApiException e) {
                            return e.getCode();
                        }
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(dir.resolve("client/src/main/java")), Files.walk(dir.resolve("usage")))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "-nowarn", "-proc:none"));
        arguments.addAll(sources);
        var errors = new java.io.ByteArrayOutputStream();
        assertThat(javac.run(null, null, errors, arguments.toArray(String[]::new))).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> usageClass = loader.loadClass("crm.Usage");
            String base = "http://localhost:" + RestAssured.port;
            assertThat(usageClass.getMethod("decide", String.class, String.class).invoke(null, base, TestTokens.crm()))
                    .isEqualTo("COLD_LEAD false NONE NO_OFFER");
            assertThat(usageClass.getMethod("refused", String.class, String.class).invoke(null, base, TestTokens.crm()))
                    .isEqualTo(400);
        }
    }

    private static String openApi() {
        return RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
