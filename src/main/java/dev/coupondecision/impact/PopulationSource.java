package dev.coupondecision.impact;

import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.request.RequestParser;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The population impact reports decide: the configured NDJSON file, read afresh each time so edits to it are
 * seen, or else the synthetic population, generated once. Requests without {@code asOf} are decided at the
 * synthetic population's fixed instant, so that two reports on the same files are identical.
 */
public final class PopulationSource implements Supplier<Population> {
    private final Path file;
    private final int syntheticSize;
    private final RequestParser parser;
    private Population synthetic;

    public PopulationSource(Optional<Path> file, int syntheticSize, ZoneId defaultZone) {
        this.file = file.orElse(null);
        this.syntheticSize = syntheticSize;
        this.parser = new RequestParser(Clock.fixed(SyntheticPopulation.AS_OF, defaultZone), defaultZone);
    }

    /** The population the configuration names: {@code coupon.impact.population-file}, else the synthetic one. */
    public static PopulationSource configured(DecisionConfig config) {
        return new PopulationSource(config.impact().populationFile().map(Path::of), config.impact().syntheticSize(),
                config.defaultTimezone());
    }

    @Override
    public synchronized Population get() {
        if (file != null) {
            return PopulationFile.read(file, parser);
        }
        if (synthetic == null) {
            synthetic = SyntheticPopulation.generate(syntheticSize);
        }
        return synthetic;
    }
}
