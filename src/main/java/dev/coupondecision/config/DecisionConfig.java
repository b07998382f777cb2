package dev.coupondecision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Where the rules live, how changes to them are picked up, and the defaults a request may leave out. */
@ConfigMapping(prefix = "coupon")
public interface DecisionConfig {

    /** Directory of DRL files, relative to the working directory unless absolute. */
    @WithDefault("rules")
    String rulesDir();

    /** Directory of XLSX decision tables, relative to the working directory unless absolute. */
    @WithDefault("decision-tables")
    String tablesDir();

    /** Directory of regression scenarios (JSON, one case per file) that every ruleset must pass. */
    @WithDefault("scenarios")
    String scenariosDir();

    /** Time zone of customers whose request names none. */
    @WithDefault("Asia/Shanghai")
    ZoneId defaultTimezone();

    Reload reload();

    Batch batch();

    /** Largest body accepted by POST /decide (batches have their own limits); larger bodies get 413. */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize decideMaxBody();

    Lint lint();

    Impact impact();

    RuleFiles ruleFiles();

    Auth auth();

    Store store();

    Console console();

    Log log();

    /**
     * The decision log and outcomes in the store's database: every decision kept (written in batches off the request
     * thread), the SENT and REDEEMED outcomes the CRM posts, the recorded sends used as contact history.
     */
    interface Log {
        /** Whether decisions are logged and requests without contactHistory use the recorded sends. */
        @WithDefault("true")
        boolean enabled();

        /** Whether the decided request is kept; when false only its SHA-256 is (and such decisions cannot be replayed). */
        @WithDefault("true")
        boolean storeRequests();

        /** How long decisions and outcomes are kept; older ones are deleted once a day. */
        @WithDefault("400d")
        Duration retention();

        /**
         * Most decisions waiting to be written (while the database is slow or down), held in the heap at a few KiB
         * each. Past it new decisions are still answered but not logged, counted in coupon_decision_log_dropped_total.
         */
        @WithDefault("20000")
        int backlogLimit();

        /** Most decisions written in one database round trip. */
        @WithDefault("1000")
        int batchSize();

        /** How far back the recorded sends reach as a request's contact history. */
        @WithDefault("90d")
        Duration historyWindow();

        /** Longest a graceful shutdown waits for the backlog to be written. */
        @WithDefault("15s")
        Duration drainTimeout();
    }

    /** The analysts' console at /console. */
    interface Console {
        /**
         * Users who may log in to the console: one per line, {@code name = bcrypt-hash role[,role]} with roles analyst
         * and/or approver ({@code rules console-user NAME ROLE...} makes a line). Without it nobody can log in.
         */
        Optional<String> usersFile();
    }

    /**
     * The ruleset store: every checked ruleset, the active pointer and its audit trail. Its database is the default
     * datasource (an H2 file under {@code data-dir}) or, with the {@code postgresql} profile, the PostgreSQL one.
     */
    interface Store {
        /** Where the embedded database file lives (H2 wants ./relative or absolute paths). */
        @WithDefault("./data")
        String dataDir();

        /** What a passing change of the rule folders does: AUTOMATIC activation, or wait for an APPROVAL. */
        @WithDefault("automatic")
        FolderActivation folderActivation();

        /** Whether an approver may activate a ruleset they created themselves (off for single-person teams). */
        @WithDefault("true")
        boolean fourEyes();

        /** How often each replica looks at the active pointer, so that all serve the version activated anywhere. */
        @WithDefault("2s")
        Duration followInterval();

        /**
         * How long after a start the stored version's lint and scenarios run again: it serves at once, and the re-check
         * waits so that it does not take the CPU from the start itself (0: right away). Activations and rollbacks
         * re-check at once.
         */
        @WithDefault("5s")
        Duration startRecheckDelay();

        enum FolderActivation { AUTOMATIC, APPROVAL }
    }

    /** Bearer tokens (verified by SmallRye JWT with mp.jwt.verify.* settings). */
    interface Auth {
        TokenCache tokenCache();

        /** Verified tokens are remembered, so a reused token costs one signature check. */
        interface TokenCache {
            /** Most tokens remembered at once (least recently used are forgotten first). */
            @WithDefault("10000")
            long size();

            /** Longest a verified token is trusted without checking it again (never past its exp). */
            @WithDefault("5m")
            Duration maxAge();
        }
    }

    /** How large a rule file may be, uploaded or in a watched folder; checked before any of it is parsed. */
    interface RuleFiles {
        /** Largest rule file as stored (a workbook compressed). */
        @WithDefault("5M")
        io.quarkus.runtime.configuration.MemorySize maxBytes();

        /** Most worksheets in one workbook. */
        @WithDefault("20")
        int maxSheets();

        /** Most rows in one worksheet. */
        @WithDefault("5000")
        int maxRowsPerSheet();

        /** Most cells in one workbook. */
        @WithDefault("200000")
        long maxCells();

        /** Most bytes a workbook may unpack to (all its parts together). */
        @WithDefault("64M")
        io.quarkus.runtime.configuration.MemorySize maxUnpackedBytes();
    }

    /** Hot reload of changed rule files. */
    interface Reload {
        /** Whether the rule directories are polled for changes. */
        @WithDefault("true")
        boolean enabled();

        /** How often the rule directories' content hash is compared with the active version. */
        @WithDefault("5s")
        Duration pollInterval();
    }

    /** Limits of POST /decide/batch: the body is read to its end (into a spool file) before the answer starts. */
    interface Batch {
        /** Most requests one batch may hold; further lines get one 413 error line and are not read. */
        @WithDefault("200000")
        long maxLines();

        /** Longest request line, in bytes (UTF-8); longer lines get a 400 error line. */
        @WithDefault("262144")
        int maxLineLength();

        /** Largest batch body; a larger one is refused with 413 before any line is decided. */
        @WithDefault("256M")
        io.quarkus.runtime.configuration.MemorySize maxBody();

        /** Where batch bodies are written while they are read (deleted after the answer); default the temp dir. */
        Optional<String> spoolDir();
    }

    /** Checks run on every candidate ruleset. */
    interface Lint {
        /** Start of the local quiet hours in which no send window may fall. */
        @WithDefault("22:00")
        LocalTime quietHoursStart();

        /** End of the local quiet hours. */
        @WithDefault("08:00")
        LocalTime quietHoursEnd();
    }

    /** The population decided by both the active and a candidate ruleset to show what an edit changes. */
    interface Impact {
        /** NDJSON file of (anonymised) decision requests; a synthetic population is used when absent. */
        Optional<String> populationFile();

        /** Size of the deterministic synthetic population. */
        @WithDefault("10000")
        int syntheticSize();
    }
}
