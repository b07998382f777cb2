package dev.coupondecision.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * The service's configuration, read the way the service reads it but without starting Quarkus: the same
 * {@link DecisionConfig} mapping over the service's {@code application.properties}, system properties
 * ({@code -Dcoupon.lint.quiet-hours-start=21:00}) and environment variables ({@code COUPON_DEFAULT_TIMEZONE}).
 * So the command line's defaults (folders, zone, quiet hours, population) are always the service's, and CI checks
 * the shipped rules with the same settings.
 */
public final class StandaloneConfig {
    /** Quarkus reads application.properties with this ordinal: above microprofile-config files, below the environment. */
    private static final int APPLICATION_PROPERTIES = 250;
    private static final int COMMAND_LINE = 500;

    private StandaloneConfig() {
    }

    /** @param overrides keys set on the command line, which win over every other source */
    public static DecisionConfig load(Map<String, String> overrides) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(overrides, "command line", COMMAND_LINE))
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(DecisionConfig.class);
        URL properties = StandaloneConfig.class.getClassLoader().getResource("application.properties");
        if (properties != null) {
            try {
                builder.withSources(new PropertiesConfigSource(properties, APPLICATION_PROPERTIES));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + properties, e);
            }
        }
        return builder.build().getConfigMapping(DecisionConfig.class);
    }
}
