package dev.coupondecision.store;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.support.PostgresServer;
import dev.coupondecision.support.ServiceProcess;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the packaged service sharing one real PostgreSQL store (the postgresql profile, as on
 * Kubernetes): a version activated through one replica serves on the other within seconds, and so does a rollback
 * made through the other. PostgreSQL comes from the Debian package, started by the test on 127.0.0.1.
 */
class SharedStoreIT {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Duration FOLLOW_WITHIN = Duration.ofSeconds(10);

    @Test
    void everyReplicaServesTheVersionActivatedOnAnyOfThem() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.newDatabase();
        Path work = Files.createTempDirectory("shared-store-");
        RulesetCopy rules = RulesetCopy.of(work.resolve("policy"));
        Map<String, String> environment = Map.of("QUARKUS_PROFILE", "prod,postgresql", "COUPON_STORE_URL", database,
                "COUPON_STORE_USER", postgres.user(), "COUPON_STORE_PASSWORD", "");
        Map<String, String> settings = new HashMap<>(StoreRestartIT.settings(rules, work.resolve("unused-data")));
        settings.put("coupon.store.follow-interval", "1s");

        try (ServiceProcess a = ServiceProcess.start(settings, environment).awaitReady(Duration.ofSeconds(90));
             ServiceProcess b = ServiceProcess.start(settings, environment).awaitReady(Duration.ofSeconds(90))) {
            String shipped = StoreRestartIT.decide(a).getString("rulesetVersion");
            assertThat(StoreRestartIT.decide(b).getString("rulesetVersion")).isEqualTo(shipped);
            assertThat(a.as("ops", "analyst").get("/rulesets/versions").then().statusCode(200).extract().jsonPath()
                    .getList("version", String.class)).as("both replicas stored the folder once").containsExactly(shipped);

            RequestSpecification upload = a.as("ana", "analyst").multiPart("files", "coupons.xlsx",
                    TableEdit.edited(Files.readAllBytes(ReferenceRuleset.TABLES.resolve("coupons.xlsx")), t -> t.set("G19", 35)), XLSX);
            for (ReferenceRuleset.UploadedScenario scenario : ReferenceRuleset.dormantScenariosAt35()) {
                upload.multiPart("scenarios", scenario.name(), scenario.content().getBytes(StandardCharsets.UTF_8), "application/json");
            }
            String edited = upload.post("/rulesets/candidates").then().statusCode(201).extract().path("version");
            activate(a, edited, "Dormant 35 off");
            assertThat(StoreRestartIT.decide(a).getString("rulesetVersion")).isEqualTo(edited);
            awaitServing(b, edited);

            activate(b, shipped, "Roll back from the other replica");
            assertThat(StoreRestartIT.decide(b).getString("rulesetVersion")).isEqualTo(shipped);
            awaitServing(a, shipped);
        }
    }

    private static void activate(ServiceProcess service, String version, String why) {
        service.as("bo", "approver").contentType("application/json").body(Map.of("comment", why))
                .post("/rulesets/versions/" + version + "/activate").then().statusCode(200);
    }

    private static void awaitServing(ServiceProcess service, String version) throws InterruptedException {
        Instant deadline = Instant.now().plus(FOLLOW_WITHIN);
        String serving = null;
        while (Instant.now().isBefore(deadline)) {
            serving = StoreRestartIT.decide(service).getString("rulesetVersion");
            if (version.equals(serving)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("still serving " + serving + " " + FOLLOW_WITHIN + " after " + version + " was activated");
    }
}
