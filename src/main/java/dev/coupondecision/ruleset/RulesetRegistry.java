package dev.coupondecision.ruleset;

import dev.coupondecision.config.DecisionConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the ruleset that serves decisions. The rule files are read from the configured directories and
 * compiled once at start-up; a ruleset with errors stops the start with a report naming each file and cell.
 */
@ApplicationScoped
public class RulesetRegistry {
    private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);

    private final DecisionConfig config;
    private final RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC());
    private final AtomicReference<CompiledRuleset> active = new AtomicReference<>();

    public RulesetRegistry(DecisionConfig config) {
        this.config = config;
    }

    void loadOnStart(@Observes StartupEvent event) {
        CompiledRuleset ruleset = compiler.compile(RuleFileSet.read(Path.of(config.rulesDir()), Path.of(config.tablesDir())));
        active.set(ruleset);
        LOG.infof("ruleset %s active: %d files, rules per source %s", ruleset.version(),
                ruleset.files().files().size(), ruleset.rulesPerSource());
    }

    /** The ruleset serving decisions now. */
    public CompiledRuleset active() {
        CompiledRuleset ruleset = active.get();
        if (ruleset == null) {
            throw new IllegalStateException("no ruleset is loaded yet");
        }
        return ruleset;
    }

    public Optional<CompiledRuleset> current() {
        return Optional.ofNullable(active.get());
    }
}
