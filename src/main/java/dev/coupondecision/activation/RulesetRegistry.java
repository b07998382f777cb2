package dev.coupondecision.activation;

import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.scenario.ScenarioLoader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the ruleset that serves decisions and swaps in changed rule files once they pass every check.
 * The rule directories are polled by content hash (so Kubernetes ConfigMap symlink swaps are seen); a
 * candidate that fails is reported and the last good version keeps serving. Decisions read the active
 * version once and finish on it.
 */
@ApplicationScoped
public class RulesetRegistry {
    private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);
    /** A save writes several times; files are re-read after this pause and must not have changed. */
    private static final long SETTLE_MILLIS = 300;

    private final DecisionConfig config;
    private final RulesetVerifier verifier;
    private final Clock clock;
    private final AtomicReference<RulesetCheck> active = new AtomicReference<>();
    private final AtomicReference<RulesetCheck> lastCandidate = new AtomicReference<>();
    private final RulesetMetrics metrics;
    private final AtomicLong reloadSuccesses = new AtomicLong();
    private final AtomicLong reloadFailures = new AtomicLong();
    private ScheduledExecutorService poller;
    /** Content keys (rules + scenarios) of the active ruleset and of the last rejected candidate. */
    private volatile String activeKey;
    private volatile String rejectedKey;

    public RulesetRegistry(DecisionConfig config, RulesetVerifier verifier, Clock clock, RulesetMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.verifier = verifier;
        this.clock = clock;
    }

    void loadOnStart(@Observes StartupEvent event) {
        RuleFileSet files = readFiles();
        String key = contentKey(files);
        RulesetCheck check = verifier.verify(files);
        if (!check.accepted()) {
            LOG.error(check.report());
            throw new RulesetException(check.findings().isEmpty()
                    ? List.of(new Finding(Finding.Severity.ERROR,
                            config.scenariosDir(), null, null, null, null, check.report()))
                    : check.findings());
        }
        activeKey = key;
        activate(check, false);
        if (config.reload().enabled()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "ruleset-poller");
                thread.setDaemon(true);
                return thread;
            });
            long interval = config.reload().pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::pollQuietly, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    void stopPolling(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** The ruleset serving decisions now. */
    public CompiledRuleset active() {
        RulesetCheck check = active.get();
        if (check == null) {
            throw new IllegalStateException("no ruleset is loaded yet");
        }
        return check.compiled();
    }

    public Optional<CompiledRuleset> current() {
        return Optional.ofNullable(active.get()).map(RulesetCheck::compiled);
    }

    public Optional<RulesetCheck> activeCheck() {
        return Optional.ofNullable(active.get());
    }

    public Optional<RulesetCheck> lastCandidate() {
        return Optional.ofNullable(lastCandidate.get());
    }

    public long reloadSuccesses() {
        return reloadSuccesses.get();
    }

    public long reloadFailures() {
        return reloadFailures.get();
    }

    /** The outcome of looking at the rule directories once. */
    public enum Outcome { UNCHANGED, ACTIVATED, REJECTED }

    /**
     * Checks the rule directories now: an unchanged content hash does nothing, a changed one is verified and
     * swapped in atomically when it passes. A candidate already rejected is not checked again.
     */
    public synchronized Outcome reload() {
        RuleFileSet files = readFiles();
        String key = contentKey(files);
        RulesetCheck current = active.get();
        if (key.equals(activeKey) || key.equals(rejectedKey)) {
            return Outcome.UNCHANGED;
        }
        RulesetCheck check = verifier.verify(files);
        lastCandidate.set(check);
        if (!check.accepted()) {
            rejectedKey = key;
            reloadFailures.incrementAndGet();
            metrics.rejected();
            LOG.errorf("ruleset %s rejected; %s keeps serving%n%s", check.version(), current.version(), check.report());
            return Outcome.REJECTED;
        }
        activeKey = key;
        rejectedKey = null;
        activate(check, true);
        reloadSuccesses.incrementAndGet();
        return Outcome.ACTIVATED;
    }

    private void activate(RulesetCheck check, boolean reload) {
        RulesetCheck previous = active.getAndSet(check);
        metrics.activated(check.version(), reload);
        LOG.infof("ruleset %s active (was %s): %d files, %s; scenarios %d/%d passed, %d warnings",
                check.version(), previous == null ? "none" : previous.version(), check.compiled().files().files().size(),
                check.compiled().rulesPerSource(), check.scenarios().passed(), check.scenarios().total(),
                check.findings().size());
    }

    private void pollQuietly() {
        try {
            if (filesSettled()) {
                reload();
            }
        } catch (RuntimeException e) {
            reloadFailures.incrementAndGet();
            metrics.rejected();
            LOG.errorf("checking the rule directories failed, %s keeps serving: %s",
                    active.get().version(), e.getMessage());
        }
    }

    private boolean filesSettled() {
        String first = contentKey(readFiles());
        if (first.equals(activeKey) || first.equals(rejectedKey)) {
            return false;
        }
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return first.equals(contentKey(readFiles()));
    }

    /**
     * What a check depends on: the rule files and the scenarios. Kubernetes updates their ConfigMaps one at a
     * time, so a table rejected against old scenarios is checked again when the scenarios arrive.
     */
    private String contentKey(RuleFileSet files) {
        return files.version() + "+" + ScenarioLoader.fingerprint(Path.of(config.scenariosDir()));
    }

    private RuleFileSet readFiles() {
        try {
            return RuleFileSet.read(Path.of(config.rulesDir()), Path.of(config.tablesDir()));
        } catch (UncheckedIOException e) {
            throw new RulesetException(List.of(new Finding(
                    Finding.Severity.ERROR, config.tablesDir(), null, null, null, null,
                    e.getMessage())));
        }
    }
}
