package dev.coupondecision.decisionlog;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The decision log on the store's active datasource (H2 by default, PostgreSQL in its profile). */
final class Stores {

    @Produces
    @Singleton
    DecisionLogStore decisionLogStore(@Any InjectableInstance<AgroalDataSource> dataSources) {
        return new DecisionLogStore(dataSources.getActive());
    }
}
