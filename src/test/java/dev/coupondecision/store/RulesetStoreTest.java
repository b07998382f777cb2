package dev.coupondecision.store;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.support.PostgresServer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's contract on both databases it runs on: the embedded H2 and a real PostgreSQL (started by the test
 * setup), each with the schema Flyway makes from the migrations the service ships.
 */
class RulesetStoreTest {
    private static final RulesetStore.Origin FOLDER = new RulesetStore.Origin("folder", "folder:/config", null);

    enum Database {
        H2 {
            DataSource dataSource() {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:store-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
                return h2;
            }
        },
        POSTGRESQL {
            DataSource dataSource() {
                PostgresServer server = PostgresServer.shared();
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(server.newDatabase());
                pg.setUser(server.user());
                return pg;
            }
        };

        abstract DataSource dataSource();

        DataSource migrated() {
            DataSource dataSource = dataSource();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return dataSource;
        }
    }

    private static RulesetStore store(DataSource dataSource, String at) {
        return new RulesetStore(dataSource, Clock.fixed(Instant.parse(at), ZoneOffset.UTC));
    }

    private static RulesetSnapshot reference() {
        return RulesetSnapshot.read(ReferenceRuleset.RULES, ReferenceRuleset.TABLES, ReferenceRuleset.SCENARIOS);
    }

    /** The reference ruleset with one more DRL file: another version with the same scenarios. */
    private static RulesetSnapshot withExtraRule(String scenarioNote) {
        RulesetSnapshot reference = reference();
        List<RuleFile> files = new ArrayList<>(reference.files().files());
        files.add(RuleFileSet.file("extra.drl", RuleFile.Kind.DRL, "package x;\n".getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> scenarios = new TreeMap<>(reference.scenarios().files());
        if (scenarioNote != null) {
            scenarios.put("notes/" + scenarioNote + ".json", ("{\"name\": \"" + scenarioNote + "\", \"request\": {},"
                    + " \"expect\": {}}").getBytes(StandardCharsets.UTF_8));
        }
        return new RulesetSnapshot(RuleFileSet.of(files), ScenarioLoader.read(scenarios));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aSavedRulesetReadsBackIntoTheSameVersionAndScenarios(Database database) {
        RulesetStore store = store(database.migrated(), "2026-12-01T10:00:00Z");
        RulesetSnapshot snapshot = reference();

        assertThat(store.save(snapshot, true, "{\"accepted\": true}", FOLDER)).isTrue();
        assertThat(store.save(snapshot, true, "{}", new RulesetStore.Origin("ana", "upload", null)))
                .as("a version that passed is never written again").isFalse();

        StoredRuleset stored = store.ruleset(snapshot.files().version()).orElseThrow();
        assertThat(stored.snapshot().key()).isEqualTo(snapshot.key());
        assertThat(stored.entry()).isEqualTo(new StoredVersion(snapshot.files().version(), StoredVersion.State.PASSED,
                Instant.parse("2026-12-01T10:00:00Z"), "folder", "folder:/config", null, null, null));
        assertThat(stored.reportJson()).isEqualTo("{\"accepted\": true}");
        assertThat(store.ruleset("ffffffffffff")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void activationsMoveThePointerAndAreTheAuditTrail(Database database) {
        DataSource dataSource = database.migrated();
        RulesetSnapshot first = reference();
        RulesetSnapshot second = withExtraRule(null);
        store(dataSource, "2026-12-01T10:00:00Z").save(first, true, "{}", FOLDER);
        store(dataSource, "2026-12-01T11:00:00Z").save(second, true, "{}", new RulesetStore.Origin("ana", "upload", "more"));
        RulesetStore store = store(dataSource, "2026-12-01T12:00:00Z");
        assertThat(store.active()).isEmpty();

        store.activate(first.files().version(), "folder", "first");
        Activation second1 = store.activate(second.files().version(), "bo", "approved");
        Activation back = store.activate(first.files().version(), "bo", "roll back");

        assertThat(second1.previousVersion()).isEqualTo(first.files().version());
        assertThat(back.previousVersion()).isEqualTo(second.files().version());
        assertThat(store.active()).contains(back);
        assertThat(store.activations()).extracting(Activation::comment).containsExactly("roll back", "approved", "first");
        assertThat(store.versions()).extracting(StoredVersion::version, StoredVersion::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(second.files().version(), StoredVersion.State.PREVIOUS),
                org.assertj.core.groups.Tuple.tuple(first.files().version(), StoredVersion.State.ACTIVE));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aRejectedRulesetIsReplacedWhenItComesBackWithOtherScenariosAndCannotBeActivated(Database database) {
        RulesetStore store = store(database.migrated(), "2026-12-01T10:00:00Z");
        RulesetSnapshot rejected = withExtraRule(null);
        RulesetSnapshot fixed = withExtraRule("fixed");
        assertThat(rejected.files().version()).isEqualTo(fixed.files().version());

        store.save(rejected, false, "{\"accepted\": false}", FOLDER);
        assertThatThrownBy(() -> store.activate(rejected.files().version(), "bo", "try"))
                .hasMessageContaining("did not pass the gate");
        assertThatThrownBy(() -> store.activate("ffffffffffff", "bo", "try")).hasMessageContaining("is not in the store");

        assertThat(store.save(fixed, true, "{\"accepted\": true}", FOLDER)).isTrue();
        StoredRuleset stored = store.ruleset(fixed.files().version()).orElseThrow();
        assertThat(stored.entry().state()).isEqualTo(StoredVersion.State.PASSED);
        assertThat(stored.snapshot().scenarios().files()).containsKey("notes/fixed.json");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void ofTwoReplicasSeeingTheSameFolderContentOnlyOneActsOnIt(Database database) {
        DataSource shared = database.migrated();
        RulesetStore replicaA = store(shared, "2026-12-01T10:00:00Z");
        RulesetStore replicaB = store(shared, "2026-12-01T10:00:00Z");
        String before = replicaA.folderContent();
        assertThat(before).isEmpty();

        assertThat(replicaA.markFolderContent(before, "v1+s1")).isTrue();
        assertThat(replicaB.markFolderContent(before, "v1+s1")).as("B saw the same change, A acted first").isFalse();
        assertThat(replicaB.folderContent()).isEqualTo("v1+s1");
        assertThat(replicaB.markFolderContent("v1+s1", "v2+s1")).isTrue();
    }
}
