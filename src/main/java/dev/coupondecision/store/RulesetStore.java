package dev.coupondecision.store;

import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.hashing.Sha256;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ruleset store on a JDBC database (H2 file by default, PostgreSQL shared by replicas): every ruleset the gate
 * checked with its files, scenarios and report; the activations, newest first being the active version; and the last
 * rule-folder content acted on. A ruleset that passed is never changed again; a rejected one is checked again (and
 * replaced) when the same rule files come back with other scenarios.
 */
public final class RulesetStore {
    static final String RULES = "rules/";
    static final String TABLES = "decision-tables/";
    static final String SCENARIOS = "scenarios/";

    private final Jdbc jdbc;
    private final Clock clock;

    public RulesetStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** Who made a ruleset and from where: a user and "upload", or "folder" and the folder. */
    public record Origin(String createdBy, String source, String comment) {
    }

    /**
     * Keeps a checked ruleset. A version that passed before stays as it was (returns false); a new one, or one
     * rejected before, is written with this check's outcome.
     */
    public boolean save(RulesetSnapshot snapshot, boolean passed, String reportJson, Origin origin) {
        String version = snapshot.files().version();
        return jdbc.inTransaction(connection -> {
            Optional<Boolean> existing = Jdbc.queryOne(connection, "SELECT passed FROM ruleset_version WHERE version = ?",
                    rs -> rs.getBoolean(1), version);
            if (existing.isPresent() && existing.get()) {
                return false;
            }
            if (existing.isPresent()) {
                Jdbc.update(connection, "DELETE FROM ruleset_file WHERE version = ?", version);
                Jdbc.update(connection, "DELETE FROM ruleset_version WHERE version = ?", version);
            }
            Jdbc.update(connection, "INSERT INTO ruleset_version (version, passed, created_at, created_by, source, comment,"
                            + " snapshot_key, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", version, passed, now(),
                    origin.createdBy(), origin.source(), origin.comment(), snapshot.key(), reportJson);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ruleset_file (version, path, sha256, content) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, byte[]> file : paths(snapshot).entrySet()) {
                    insert.setString(1, version);
                    insert.setString(2, file.getKey());
                    insert.setString(3, Sha256.hex(Sha256.of(file.getValue())));
                    insert.setBytes(4, file.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        });
    }

    /**
     * Adds a scenario to a version that passed and was never activated (a candidate under review), as its new
     * snapshot key says; false when the version has been active (then it is fixed for good) or is unknown.
     */
    public boolean addScenario(String version, String path, byte[] content, String snapshotKey) {
        return jdbc.inTransaction(connection -> {
            boolean open = Jdbc.queryOne(connection, "SELECT v.passed AND NOT EXISTS (SELECT 1 FROM ruleset_activation a"
                    + " WHERE a.version = v.version) FROM ruleset_version v WHERE v.version = ?", rs -> rs.getBoolean(1),
                    version).orElse(false);
            if (!open) {
                return false;
            }
            Jdbc.update(connection, "DELETE FROM ruleset_file WHERE version = ? AND path = ?", version, SCENARIOS + path);
            Jdbc.update(connection, "INSERT INTO ruleset_file (version, path, sha256, content) VALUES (?, ?, ?, ?)", version,
                    SCENARIOS + path, Sha256.hex(Sha256.of(content)), content);
            Jdbc.update(connection, "UPDATE ruleset_version SET snapshot_key = ? WHERE version = ?", snapshotKey, version);
            return true;
        });
    }

    /** The newest activation: the version that serves. */
    public Optional<Activation> active() {
        return jdbc.read(connection -> Jdbc.queryOne(connection, "SELECT id, version, activated_at, activated_by, comment,"
                + " previous_version FROM ruleset_activation ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", RulesetStore::activation));
    }

    /** Records an activation; the version must have passed the gate. */
    public Activation activate(String version, String by, String comment) {
        return jdbc.inTransaction(connection -> {
            Optional<Boolean> passed = Jdbc.queryOne(connection, "SELECT passed FROM ruleset_version WHERE version = ?",
                    rs -> rs.getBoolean(1), version);
            if (passed.isEmpty() || !passed.get()) {
                throw new IllegalArgumentException("version " + version + (passed.isEmpty() ? " is not in the store"
                        : " did not pass the gate and cannot be activated"));
            }
            String previous = Jdbc.queryOne(connection, "SELECT version FROM ruleset_activation ORDER BY id DESC"
                    + " FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1)).orElse(null);
            Jdbc.update(connection, "INSERT INTO ruleset_activation (version, activated_at, activated_by, comment,"
                    + " previous_version) VALUES (?, ?, ?, ?, ?)", version, now(), by, comment, previous);
            return Jdbc.queryOne(connection, "SELECT id, version, activated_at, activated_by, comment, previous_version"
                    + " FROM ruleset_activation ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", RulesetStore::activation).orElseThrow();
        });
    }

    /** Every activation, newest first: the audit trail. */
    public List<Activation> activations() {
        return jdbc.read(connection -> Jdbc.queryAll(connection, "SELECT id, version, activated_at, activated_by, comment,"
                + " previous_version FROM ruleset_activation ORDER BY id DESC", RulesetStore::activation));
    }

    /** Every stored ruleset, newest first, with its state. */
    public List<StoredVersion> versions() {
        return jdbc.read(connection -> {
            String active = Jdbc.queryOne(connection, "SELECT version FROM ruleset_activation ORDER BY id DESC"
                    + " FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1)).orElse(null);
            return Jdbc.queryAll(connection, "SELECT v.version, v.passed, v.created_at, v.created_by, v.source, v.comment,"
                    + " a.activated_at, a.activated_by FROM ruleset_version v LEFT JOIN ruleset_activation a ON a.id ="
                    + " (SELECT MAX(id) FROM ruleset_activation WHERE version = v.version)"
                    + " ORDER BY v.created_at DESC, v.version", rs -> version(rs, active));
        });
    }

    public Optional<StoredVersion> version(String version) {
        return versions().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /** A stored ruleset with its files and scenarios. */
    public Optional<StoredRuleset> ruleset(String version) {
        Optional<StoredVersion> entry = version(version);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.read(connection -> {
            String report = Jdbc.queryOne(connection, "SELECT report FROM ruleset_version WHERE version = ?",
                    rs -> rs.getString(1), version).orElseThrow();
            Map<String, byte[]> files = new TreeMap<>();
            for (Map.Entry<String, byte[]> file : Jdbc.queryAll(connection, "SELECT path, content FROM ruleset_file"
                    + " WHERE version = ?", rs -> Map.entry(rs.getString(1), rs.getBytes(2)), version)) {
                files.put(file.getKey(), file.getValue());
            }
            return Optional.of(new StoredRuleset(entry.get(), snapshot(files), report));
        });
    }

    /** The version and snapshot key stored for some rule files, if any: whether they were seen before. */
    public Optional<String> snapshotKey(String version) {
        return jdbc.read(connection -> Jdbc.queryOne(connection, "SELECT snapshot_key FROM ruleset_version WHERE version = ?",
                rs -> rs.getString(1), version));
    }

    /**
     * Records that the rule folders' content {@code snapshotKey} was acted on, if the content last acted on is still
     * {@code previousKey}: false when another replica recorded something else first (it acts on this content then).
     */
    public boolean markFolderContent(String previousKey, String snapshotKey) {
        return jdbc.inTransaction(connection -> Jdbc.update(connection, "UPDATE folder_source SET snapshot_key = ?, seen_at = ?"
                + " WHERE id = 1 AND snapshot_key = ?", snapshotKey, now(), previousKey) == 1);
    }

    /** The rule-folder content last acted on; empty text before the first. */
    public String folderContent() {
        return jdbc.read(connection -> Jdbc.queryOne(connection, "SELECT snapshot_key FROM folder_source WHERE id = 1",
                rs -> rs.getString(1)).orElse(""));
    }

    private static RulesetSnapshot snapshot(Map<String, byte[]> files) {
        List<RuleFile> ruleFiles = new ArrayList<>();
        Map<String, byte[]> scenarios = new TreeMap<>();
        files.forEach((path, content) -> {
            if (path.startsWith(RULES)) {
                ruleFiles.add(RuleFileSet.file(path.substring(RULES.length()), RuleFile.Kind.DRL, content));
            } else if (path.startsWith(TABLES)) {
                ruleFiles.add(RuleFileSet.file(path.substring(TABLES.length()), RuleFile.Kind.XLSX, content));
            } else if (path.startsWith(SCENARIOS)) {
                scenarios.put(path.substring(SCENARIOS.length()), content);
            }
        });
        return new RulesetSnapshot(RuleFileSet.of(ruleFiles), ScenarioLoader.read(scenarios));
    }

    /** Every file of a snapshot under the path it has in the project (rules/, decision-tables/, scenarios/). */
    public static Map<String, byte[]> paths(RulesetSnapshot snapshot) {
        Map<String, byte[]> paths = new TreeMap<>();
        for (RuleFile file : snapshot.files().files()) {
            paths.put((file.kind() == RuleFile.Kind.DRL ? RULES : TABLES) + file.name(), file.content());
        }
        snapshot.scenarios().files().forEach((name, content) -> paths.put(SCENARIOS + name, content));
        return paths;
    }

    private static Activation activation(ResultSet rs) throws SQLException {
        return new Activation(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, 3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    private static StoredVersion version(ResultSet rs, String active) throws SQLException {
        String version = rs.getString(1);
        Instant activatedAt = Jdbc.instant(rs, 7);
        StoredVersion.State state = !rs.getBoolean(2) ? StoredVersion.State.REJECTED
                : version.equals(active) ? StoredVersion.State.ACTIVE
                : activatedAt != null ? StoredVersion.State.PREVIOUS : StoredVersion.State.PASSED;
        return new StoredVersion(version, state, Jdbc.instant(rs, 3), rs.getString(4), rs.getString(5), rs.getString(6),
                activatedAt, rs.getString(8));
    }

    private OffsetDateTime now() {
        return Jdbc.utc(clock.instant());
    }
}
