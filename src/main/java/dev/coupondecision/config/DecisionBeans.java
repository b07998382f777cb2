package dev.coupondecision.config;

import dev.coupondecision.decision.request.RequestParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** Plain-Java collaborators made available to CDI with their configuration. */
public class DecisionBeans {

    @Produces
    @ApplicationScoped
    RequestParser requestParser(DecisionConfig config) {
        return new RequestParser(Clock.systemUTC(), config.defaultTimezone());
    }
}
