package dev.coupondecision.store;

import dev.coupondecision.support.ServiceProcess;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service restarted as an operator (or Kubernetes) restarts it: with the embedded store in a data
 * directory of its own, a typo put into a table while it was down does not keep it from starting. It becomes ready
 * on the store's last good version, and status, metrics and log name the typo's cell. Only a service that has never
 * had a good version refuses to start, with the findings.
 */
class StoreRestartIT {
    static final String DORMANT = """
            {"customerId": "dormant-1", "asOf": "2026-11-18T12:00:00+08:00", "smsConsent": true, "orderCount": 2,
             "ordersLast90Days": 1, "spendLast365Days": 300, "lastPurchaseDate": "2026-08-19"}""";

    @Test
    void aTypoOnDiskWhileTheServiceWasDownLeavesTheLastGoodVersionServing() throws Exception {
        Path work = Files.createTempDirectory("store-restart-");
        RulesetCopy rules = RulesetCopy.of(work.resolve("policy"));
        Map<String, String> settings = settings(rules, work.resolve("data"));

        String good;
        try (ServiceProcess first = ServiceProcess.start(settings, Map.of()).awaitReady(Duration.ofSeconds(90))) {
            good = decide(first).getString("rulesetVersion");
        }

        Path coupons = rules.tables().resolve("coupons.xlsx");
        Files.write(coupons, TableEdit.edited(Files.readAllBytes(coupons), t -> t.set("B19", "DORMNAT")));
        Instant restarted = Instant.now();
        try (ServiceProcess second = ServiceProcess.start(settings, Map.of()).awaitReady(Duration.ofSeconds(60))) {
            assertThat(Duration.between(restarted, Instant.now())).isLessThan(Duration.ofMinutes(1));
            assertThat(decide(second).getString("rulesetVersion")).isEqualTo(good);
            JsonPath status = second.as("ops", "analyst").get("/rulesets/status").then().statusCode(200).extract().jsonPath();
            assertThat(status.getString("activeVersion")).isEqualTo(good);
            assertThat(status.getBoolean("lastCandidate.accepted")).isFalse();
            assertThat(status.getList("lastCandidate.findings.cell", String.class)).contains("B19");
            assertThat(second.anonymous().get("/q/metrics").asString()).contains("coupon_ruleset_candidate_rejected 1.0");
            assertThat(second.log()).contains("rejected").contains("B19");
        }

        try (ServiceProcess third = ServiceProcess.start(settings, Map.of()).awaitReady(Duration.ofSeconds(60))) {
            assertThat(third.as("ops", "analyst").get("/rulesets/status").then().extract().jsonPath()
                    .getList("lastCandidate.findings.cell", String.class))
                    .as("a second restart on the same typo still names it").contains("B19");
            assertThat(decide(third).getString("rulesetVersion")).isEqualTo(good);
        }
    }

    /**
     * A restart serves the store's version as soon as it compiles and re-runs its lint and scenarios afterwards; when
     * they no longer pass (here: the operator changed the default time zone the scenarios rely on) the version still
     * serves, as approved, and the log and {@code /rulesets/active} say so.
     */
    @Test
    void aRestartServesTheStoredVersionAtOnceAndRunsItsScenariosAgainAfterwards() throws Exception {
        Path work = Files.createTempDirectory("store-recheck-");
        RulesetCopy rules = RulesetCopy.of(work.resolve("policy"));
        Map<String, String> settings = settings(rules, work.resolve("data"));
        String good;
        try (ServiceProcess first = ServiceProcess.start(settings, Map.of()).awaitReady(Duration.ofSeconds(90))) {
            good = decide(first).getString("rulesetVersion");
            assertThat(first.log()).as("a first start runs the whole gate before it serves")
                    .doesNotContain("its scenarios run again in the background");
        }

        Map<String, String> laterRecheck = new HashMap<>(settings);
        laterRecheck.put("coupon.store.start-recheck-delay", "6s");
        try (ServiceProcess second = ServiceProcess.start(laterRecheck, Map.of()).awaitReady(Duration.ofSeconds(60))) {
            assertThat(decide(second).getString("rulesetVersion")).isEqualTo(good);
            JsonPath active = rechecked(second);
            assertThat(active.getInt("scenarios.total")).isPositive();
            assertThat(active.getInt("scenarios.passed")).isEqualTo(active.getInt("scenarios.total"));
            assertThat(second.log()).contains("its scenarios run again in the background").contains("passed again");
            assertThat(between(second.log(), "active (was none)", "passed again"))
                    .as("the re-check waits coupon.store.start-recheck-delay after the version serves")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        }

        Map<String, String> otherZone = new HashMap<>(settings);
        otherZone.put("coupon.default-timezone", "America/New_York");
        try (ServiceProcess third = ServiceProcess.start(otherZone, Map.of()).awaitReady(Duration.ofSeconds(60))) {
            assertThat(decide(third).getString("rulesetVersion")).as("it serves as approved").isEqualTo(good);
            JsonPath active = rechecked(third);
            assertThat(active.getInt("scenarios.passed")).isLessThan(active.getInt("scenarios.total"));
            assertThat(third.log()).contains("the active version " + good + " no longer passes its own gate");
        }
    }

    /** Time between the first log lines that contain {@code first} and {@code then} (the log is JSON lines). */
    private static Duration between(String log, String first, String then) {
        return Duration.between(loggedAt(log, first), loggedAt(log, then));
    }

    private static Instant loggedAt(String log, String text) {
        String line = log.lines().filter(l -> l.startsWith("{") && l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line contains " + text + ":\n" + log));
        return Instant.parse(JsonPath.from(line).getString("timestamp"));
    }

    /** {@code /rulesets/active} once the version's scenarios have run again (null until then). */
    private static JsonPath rechecked(ServiceProcess service) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonPath active = service.as("ops", "analyst").get("/rulesets/active").then().statusCode(200).extract().jsonPath();
            if (active.get("scenarios") != null || Instant.now().isAfter(until)) {
                return active;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void withNothingGoodInTheStoreABadTableStillStopsTheStartWithItsFinding() throws Exception {
        Path work = Files.createTempDirectory("store-empty-");
        RulesetCopy rules = RulesetCopy.of(work.resolve("policy"));
        Path coupons = rules.tables().resolve("coupons.xlsx");
        Files.write(coupons, TableEdit.edited(Files.readAllBytes(coupons), t -> t.set("B19", "DORMNAT")));

        try (ServiceProcess service = ServiceProcess.start(settings(rules, work.resolve("data")), Map.of())) {
            assertThat(service.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(service.log()).contains("B19").contains("DORMNAT");
        }
    }

    static Map<String, String> settings(RulesetCopy rules, Path data) {
        return Map.of("coupon.rules-dir", rules.rules().toString(), "coupon.tables-dir", rules.tables().toString(),
                "coupon.scenarios-dir", rules.scenarios().toString(), "coupon.store.data-dir", data.toString());
    }

    static JsonPath decide(ServiceProcess service) {
        return service.as("crm-system", "crm").contentType("application/json").body(DORMANT).post("/decide")
                .then().statusCode(200).extract().jsonPath();
    }
}
