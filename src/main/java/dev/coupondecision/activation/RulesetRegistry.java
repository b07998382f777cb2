package dev.coupondecision.activation;

import dev.coupondecision.store.RulesetSnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.ActiveRuleset;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.store.Activation;
import dev.coupondecision.store.RulesetStore;
import dev.coupondecision.store.StoredRuleset;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the ruleset that serves decisions: the store's active version, compiled once. Every activation goes through
 * the store (so it is audited and every replica follows it within {@code coupon.store.follow-interval}); a replica
 * that sees the active pointer move loads that version from the store and swaps it in atomically. Decisions read the
 * serving version once and finish on it.
 */
@ApplicationScoped
public class RulesetRegistry implements ActiveRuleset {
    private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What serves: the check that accepted it, and the snapshot it was made from. */
    private record Serving(RulesetCheck check, RulesetSnapshot snapshot) {
    }

    private final RulesetStore store;
    private final RulesetVerifier verifier;
    private final RulesetMetrics metrics;
    private final AtomicReference<Serving> serving = new AtomicReference<>();
    private final AtomicReference<RulesetCheck> lastCandidate = new AtomicReference<>();
    private final Duration startRecheckDelay;
    /** Re-runs the gate on versions loaded from the store, one at a time, after they serve. */
    private final ScheduledExecutorService rechecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ruleset-recheck");
        thread.setDaemon(true);
        return thread;
    });

    public RulesetRegistry(RulesetStore store, RulesetVerifier verifier, RulesetMetrics metrics, DecisionConfig config) {
        this.store = store;
        this.verifier = verifier;
        this.metrics = metrics;
        this.startRecheckDelay = config.store().startRecheckDelay();
    }

    @Override
    public CompiledRuleset serving() {
        Serving current = serving.get();
        if (current == null) {
            throw new IllegalStateException("no ruleset is loaded yet");
        }
        return current.check().compiled();
    }

    public boolean isServing() {
        return serving.get() != null;
    }

    /**
     * The check that accepted the serving ruleset (its findings and scenarios); empty before the first load. For a
     * version loaded from the store its scenarios are absent until they have run again (seconds after it serves).
     */
    public Optional<RulesetCheck> servingCheck() {
        return Optional.ofNullable(serving.get()).map(Serving::check);
    }

    /** The rule files and regression scenarios of the serving ruleset; a dry run checks candidates against them. */
    public RulesetSnapshot servingSnapshot() {
        Serving current = serving.get();
        if (current == null) {
            throw new IllegalStateException("no ruleset is loaded yet");
        }
        return current.snapshot();
    }

    public Optional<RulesetCheck> lastCandidate() {
        return Optional.ofNullable(lastCandidate.get());
    }

    /** A candidate the gate checked (from the folders or uploaded), shown by the status until the next one. */
    void candidateChecked(RulesetCheck check) {
        lastCandidate.set(check);
        if (!check.accepted()) {
            metrics.rejected();
        }
    }

    /** Keeps a checked candidate in the store, with its report; a version that passed before stays as it was. */
    public void keep(RulesetSnapshot snapshot, RulesetCheck check, RulesetStore.Origin origin) {
        store.save(snapshot, check.accepted(), json(check), origin);
    }

    /** Keeps a candidate with the report of its dry run (findings, scenarios and impact). */
    public void keepReport(RulesetSnapshot snapshot, boolean accepted, Object dryRunReport, RulesetStore.Origin origin) {
        store.save(snapshot, accepted, json(dryRunReport), origin);
    }

    /**
     * Makes a stored version the active one: recorded in the store (the audit trail), then served here at once;
     * the other replicas follow the pointer.
     *
     * @param check the version's check when the caller has just made it (saves compiling it again), else null
     */
    public synchronized Activation activate(String version, String by, String comment, RulesetCheck check) {
        Activation activation = store.activate(version, by, comment);
        if (check != null && check.version().equals(version) && check.accepted()) {
            swap(check, snapshotOf(version), true);
        } else {
            load(version, true);
        }
        return activation;
    }

    /** Serves the store's active version if it is not serving yet; false when the store has none. */
    synchronized boolean followStore(boolean reload) {
        Optional<Activation> active = store.active();
        if (active.isEmpty()) {
            return false;
        }
        Serving current = serving.get();
        if (current == null || !current.check().version().equals(active.get().version())) {
            load(active.get().version(), reload);
        }
        return true;
    }

    /** Follows the active pointer moved by another replica or the API. */
    @Scheduled(every = "${coupon.store.follow-interval}", delayed = "${coupon.store.follow-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        try {
            followStore(true);
        } catch (RuntimeException e) {
            LOG.errorf("cannot read the ruleset store, %s keeps serving: %s",
                    isServing() ? serving().version() : "nothing", e.getMessage());
        }
    }

    /**
     * Compiles a stored version and serves it; its lint and scenarios then run again in the background
     * ({@link #recheck}), on a start only after {@code coupon.store.start-recheck-delay}. A version passed the gate
     * when it was stored, so it serves as soon as it compiles (a start or a rollback is not held up by its scenarios);
     * should it fail them now (a new engine release), it still serves, since it is what was approved, and the failure
     * is reported loudly. One that no longer compiles cannot serve: the previous version keeps serving.
     */
    private void load(String version, boolean reload) {
        RulesetSnapshot snapshot = snapshotOf(version);
        CompiledRuleset compiled;
        try {
            compiled = verifier.compile(snapshot);
        } catch (RulesetException e) {
            metrics.rejected();
            throw e;
        }
        swap(new RulesetCheck(version, compiled.loadedAt(), true, List.of(), null, compiled), snapshot, reload);
        long delay = reload ? 0 : startRecheckDelay.toMillis();
        rechecks.schedule(() -> recheck(snapshot, compiled), delay, TimeUnit.MILLISECONDS);
    }

    /** Runs the gate's lint and scenarios on a version served by {@link #load}, and shows their verdict as its check. */
    private void recheck(RulesetSnapshot snapshot, CompiledRuleset compiled) {
        RulesetCheck check;
        try {
            check = verifier.recheck(snapshot, compiled);
        } catch (RuntimeException e) {
            LOG.errorf(e, "re-running the scenarios of the active version %s failed", compiled.version());
            return;
        }
        Serving current = serving.get();
        if (current == null || current.check().compiled() != compiled
                || !serving.compareAndSet(current, new Serving(check, snapshot))) {
            return; // another version serves by now
        }
        if (check.accepted()) {
            LOG.infof("ruleset %s: scenarios %d/%d passed again, %d warnings", check.version(),
                    check.scenarios().passed(), check.scenarios().total(), check.findings().size());
        } else {
            LOG.errorf("the active version %s no longer passes its own gate; it serves as approved:%n%s",
                    check.version(), check.report());
        }
    }

    private RulesetSnapshot snapshotOf(String version) {
        return store.ruleset(version).map(StoredRuleset::snapshot)
                .orElseThrow(() -> new IllegalStateException("version " + version + " is not in the store"));
    }

    private void swap(RulesetCheck check, RulesetSnapshot snapshot, boolean reload) {
        Serving previous = serving.getAndSet(new Serving(check, snapshot));
        metrics.activated(check.version(), reload);
        LOG.infof("ruleset %s active (was %s): %d files, %s; %s", check.version(),
                previous == null ? "none" : previous.check().version(),
                check.compiled().files().files().size(), check.compiled().rulesPerSource(),
                check.scenarios() == null ? "its scenarios run again in the background"
                        : "scenarios %d/%d passed, %d warnings".formatted(check.scenarios().passed(),
                        check.scenarios().total(), check.findings().size()));
    }

    private static String json(Object report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check is plain data and always serializes", e);
        }
    }
}
