package dev.coupondecision.bench;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging as the service has it. Outside a running Quarkus application (JMH, the floor server) the JBoss log
 * manager's initial configuration lets every level through to a delayed handler, so Drools' trace logging of
 * its network evaluation would be formatted on every decision and dominate the profile (it did: the first
 * JFR profile of the engine was mostly slf4j and LogRecord frames). The service sets org.drools and org.kie to
 * WARN in application.properties; this does the same for the benchmark JVMs.
 */
public final class BenchLogging {
    /** Held so that the configured loggers are not collected with their levels. */
    private static final List<Logger> CONFIGURED = List.of(
            level(""), level("org.drools", Level.WARNING), level("org.kie", Level.WARNING));

    private BenchLogging() {
    }

    public static void quiet() {
        if (CONFIGURED.isEmpty()) {
            throw new IllegalStateException();
        }
    }

    private static Logger level(String name) {
        return level(name, Level.INFO);
    }

    private static Logger level(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
