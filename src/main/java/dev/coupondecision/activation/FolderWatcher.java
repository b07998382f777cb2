package dev.coupondecision.activation;

import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.store.RulesetStore;
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

/**
 * The watched rule folders as a source of candidates: content the store has not acted on yet is checked by the gate,
 * kept in the store, and activated when it passes (or left for an approver with
 * {@code coupon.store.folder-activation=approval}). The store remembers the folder content it acted on, so a restart
 * on unchanged folders changes nothing (a version activated in the console stays active) and of several replicas
 * watching the same ConfigMap only one activates it. On start the store's active version serves first: a bad edit on
 * disk never stops the service from starting, unless the store has nothing to serve yet.
 */
@ApplicationScoped
public class FolderWatcher {
    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);
    /** A save writes several times; files are read again after this pause and must not have changed. */
    private static final long SETTLE_MILLIS = 300;

    /** What looking at the folders once did. */
    public enum Outcome { UNCHANGED, ACTIVATED, STORED, REJECTED }

    private final DecisionConfig config;
    private final RulesetVerifier verifier;
    private final RulesetRegistry registry;
    private final RulesetStore store;
    private final RulesetMetrics metrics;
    /** The folder content last looked at by this replica, so that an unchanged poll costs no database query. */
    private volatile String lastSeenKey;

    public FolderWatcher(DecisionConfig config, RulesetVerifier verifier, RulesetRegistry registry, RulesetStore store,
                         RulesetMetrics metrics) {
        this.config = config;
        this.verifier = verifier;
        this.registry = registry;
        this.store = store;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        boolean stored = registry.followStore(false);
        RulesetSnapshot snapshot;
        try {
            snapshot = readFolders();
        } catch (RulesetException e) {
            if (!stored) {
                throw e;
            }
            LOG.errorf("the rule folders cannot be read; the store's active version serves: %s", e.getMessage());
            return;
        }
        Outcome outcome = consider(snapshot);
        if (outcome == Outcome.UNCHANGED && registry.isServing() && !registry.servingSnapshot().key().equals(snapshot.key())) {
            // acted on before this start (by this replica before a restart, or by another): check it again so that
            // status, log and gauge tell this replica's operators, too, when it is a rejected one
            RulesetCheck check = verifier.verify(snapshot);
            if (!check.accepted()) {
                registry.candidateChecked(check);
                outcome = Outcome.REJECTED;
            }
        }
        if (!registry.isServing()) {
            RulesetCheck rejected = registry.lastCandidate().orElseGet(() -> verifier.verify(snapshot));
            throw new RulesetException(rejected.findings().isEmpty()
                    ? List.of(Finding.about(Finding.Severity.ERROR, config.scenariosDir(), rejected.report()))
                    : rejected.findings());
        }
        if (outcome == Outcome.REJECTED) {
            LOG.errorf("started on the store's active version %s; the rule folders hold a rejected candidate",
                    registry.serving().version());
        }
    }

    /** Looks at the rule folders now (the {@code POST /rulesets/reload} endpoint). */
    public Outcome reload() {
        return consider(readFolders());
    }

    /** Polls the rule folders; a poll still checking a candidate makes the next one skip. */
    @Scheduled(every = "${coupon.reload.poll-interval}", delayed = "${coupon.reload.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = ReloadDisabled.class)
    void poll() {
        try {
            RulesetSnapshot first = readFolders();
            if (first.key().equals(lastSeenKey)) {
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
            LOG.errorf("checking the rule folders failed, %s keeps serving: %s",
                    registry.isServing() ? registry.serving().version() : "nothing", e.getMessage());
        }
    }

    private synchronized Outcome consider(RulesetSnapshot snapshot) {
        lastSeenKey = snapshot.key();
        String acted = store.folderContent();
        if (snapshot.key().equals(acted)) {
            return Outcome.UNCHANGED;
        }
        RulesetCheck check = verifier.verify(snapshot);
        registry.candidateChecked(check);
        registry.keep(snapshot, check, new RulesetStore.Origin("folder",
                "folder:" + Path.of(config.tablesDir()).toAbsolutePath().getParent(), null));
        if (!store.markFolderContent(acted, snapshot.key())) {
            return Outcome.UNCHANGED; // another replica acted on it first; the active pointer tells what serves
        }
        if (!check.accepted()) {
            LOG.errorf("ruleset %s from the rule folders rejected; %s keeps serving%n%s", check.version(),
                    registry.isServing() ? registry.serving().version() : "nothing", check.report());
            return Outcome.REJECTED;
        }
        if (config.store().folderActivation() == DecisionConfig.Store.FolderActivation.APPROVAL && registry.isServing()) {
            LOG.infof("ruleset %s from the rule folders passed and waits for an approver", check.version());
            return Outcome.STORED;
        }
        if (registry.isServing() && registry.serving().version().equals(check.version())) {
            return Outcome.UNCHANGED;
        }
        registry.activate(check.version(), "folder", "changed in the rule folders", check);
        return Outcome.ACTIVATED;
    }

    private RulesetSnapshot readFolders() {
        try {
            return RulesetSnapshot.read(Path.of(config.rulesDir()), Path.of(config.tablesDir()),
                    Path.of(config.scenariosDir()));
        } catch (UncheckedIOException | IllegalArgumentException e) {
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
