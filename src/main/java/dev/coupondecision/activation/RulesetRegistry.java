package dev.coupondecision.activation;

import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.ActiveRuleset;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RulesetException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the ruleset that serves decisions and swaps in changed rule files once they pass every check.
 * The rule directories are polled by content key (so Kubernetes ConfigMap symlink swaps are seen); a
 * candidate that fails is reported and the last good version keeps serving. Decisions read the serving
 * version once and finish on it.
 */
@ApplicationScoped
public class RulesetRegistry implements ActiveRuleset {
    private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);
    /** A save writes several times; files are read again after this pause and must not have changed. */
    private static final long SETTLE_MILLIS = 300;

    /** What serves: the check that accepted it, and the snapshot it was made from. */
    private record Serving(RulesetCheck check, RulesetSnapshot snapshot) {
    }

    private final DecisionConfig config;
    private final RulesetVerifier verifier;
    private final RulesetMetrics metrics;
    private final AtomicReference<Serving> serving = new AtomicReference<>();
    private final AtomicReference<RulesetCheck> lastCandidate = new AtomicReference<>();
    /** Content key of the last rejected candidate, so that it is not checked again until it changes. */
    private volatile String rejectedKey;

    public RulesetRegistry(DecisionConfig config, RulesetVerifier verifier, RulesetMetrics metrics) {
        this.config = config;
        this.verifier = verifier;
        this.metrics = metrics;
    }

    void loadOnStart(@Observes StartupEvent event) {
        RulesetSnapshot snapshot = readFolders();
        RulesetCheck check = verifier.verify(snapshot);
        if (!check.accepted()) {
            LOG.error(check.report());
            throw new RulesetException(check.findings().isEmpty()
                    ? List.of(Finding.about(Finding.Severity.ERROR, config.scenariosDir(), check.report()))
                    : check.findings());
        }
        activate(check, snapshot, false);
    }

    @Override
    public CompiledRuleset serving() {
        Serving current = serving.get();
        if (current == null) {
            throw new IllegalStateException("no ruleset is loaded yet");
        }
        return current.check().compiled();
    }

    /** The check that accepted the serving ruleset (its findings and scenarios); empty before the first load. */
    public Optional<RulesetCheck> servingCheck() {
        return Optional.ofNullable(serving.get()).map(Serving::check);
    }

    /** The regression scenarios the serving ruleset passed; a dry run checks candidates against them. */
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

    /** The outcome of looking at the rule directories once. */
    public enum Outcome { UNCHANGED, ACTIVATED, REJECTED }

    /**
     * Checks the rule directories now: an unchanged content key does nothing, a changed one is verified and
     * swapped in atomically when it passes. A candidate already rejected is not checked again.
     */
    public Outcome reload() {
        return consider(readFolders());
    }

    /** Polls the rule directories; a poll still checking a candidate makes the next one skip. */
    @Scheduled(every = "${coupon.reload.poll-interval}", delayed = "${coupon.reload.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = ReloadDisabled.class)
    void poll() {
        try {
            RulesetSnapshot first = readFolders();
            if (isKnown(first.key())) {
                return;
            }
            Thread.sleep(SETTLE_MILLIS);
            RulesetSnapshot settled = readFolders();
            if (settled.key().equals(first.key())) {
                consider(settled);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            metrics.rejected();
            LOG.errorf("checking the rule directories failed, %s keeps serving: %s", serving().version(), e.getMessage());
        }
    }

    private synchronized Outcome consider(RulesetSnapshot snapshot) {
        if (isKnown(snapshot.key())) {
            return Outcome.UNCHANGED;
        }
        RulesetCheck check = verifier.verify(snapshot);
        lastCandidate.set(check);
        if (!check.accepted()) {
            rejectedKey = snapshot.key();
            metrics.rejected();
            LOG.errorf("ruleset %s rejected; %s keeps serving%n%s", check.version(), serving().version(), check.report());
            return Outcome.REJECTED;
        }
        rejectedKey = null;
        activate(check, snapshot, true);
        return Outcome.ACTIVATED;
    }

    private boolean isKnown(String key) {
        Serving current = serving.get();
        return (current != null && key.equals(current.snapshot().key())) || key.equals(rejectedKey);
    }

    private void activate(RulesetCheck check, RulesetSnapshot snapshot, boolean reload) {
        Serving previous = serving.getAndSet(new Serving(check, snapshot));
        metrics.activated(check.version(), reload);
        LOG.infof("ruleset %s active (was %s): %d files, %s; scenarios %d/%d passed, %d warnings",
                check.version(), previous == null ? "none" : previous.check().version(),
                check.compiled().files().files().size(), check.compiled().rulesPerSource(),
                check.scenarios().passed(), check.scenarios().total(), check.findings().size());
    }

    private RulesetSnapshot readFolders() {
        try {
            return RulesetSnapshot.read(Path.of(config.rulesDir()), Path.of(config.tablesDir()),
                    Path.of(config.scenariosDir()));
        } catch (UncheckedIOException e) {
            throw new RulesetException(List.of(Finding.about(Finding.Severity.ERROR, config.tablesDir(), e.getMessage())));
        }
    }

    /** Skips polls when {@code coupon.reload.enabled} is false; {@code POST /rulesets/reload} still checks. */
    @Singleton
    static class ReloadDisabled implements Scheduled.SkipPredicate {
        private final DecisionConfig config;

        ReloadDisabled(DecisionConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.reload().enabled();
        }
    }
}
