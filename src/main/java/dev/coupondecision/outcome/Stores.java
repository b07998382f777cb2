package dev.coupondecision.outcome;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The outcomes on the store's active datasource (H2 by default, PostgreSQL in its profile). */
final class Stores {

    @Produces
    @Singleton
    OutcomeStore outcomeStore(@Any InjectableInstance<AgroalDataSource> dataSources, Clock clock) {
        return new OutcomeStore(dataSources.getActive(), clock);
    }
}
