package dev.coupondecision.decisionlog;

import dev.coupondecision.support.PostgresServer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** The decision log's and outcomes' databases as users run them: embedded H2 and a real PostgreSQL, migrated. */
public enum LoopDatabase {
    H2 {
        @Override
        DataSource dataSource() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:loop-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
    },
    POSTGRESQL {
        @Override
        DataSource dataSource() {
            return postgres(PostgresServer.shared());
        }
    };

    abstract DataSource dataSource();

    public DataSource migrated() {
        return migrate(dataSource());
    }

    static DataSource postgres(PostgresServer server) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(server.newDatabase());
        pg.setUser(server.user());
        return pg;
    }

    static DataSource migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
