package dev.coupondecision.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The store on whichever datasource is active: the default (H2) one, or the PostgreSQL one in its profile. */
final class StoreProducer {

    @Produces
    @Singleton
    RulesetStore store(@Any InjectableInstance<AgroalDataSource> dataSources, Clock clock) {
        return new RulesetStore(dataSources.getActive(), clock);
    }
}
