package dev.coupondecision.decision.request;

import dev.coupondecision.config.DecisionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The request parser of the HTTP endpoints: requests without asOf are decided now, in the configured default zone. */
public class RequestParserProducer {

    @Produces
    @ApplicationScoped
    RequestParser requestParser(DecisionConfig config, Clock clock) {
        return new RequestParser(clock, config.defaultTimezone());
    }
}
