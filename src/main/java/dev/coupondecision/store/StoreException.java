package dev.coupondecision.store;

import java.sql.SQLException;

/** The store's database failed (unreachable, or a statement it refused). */
public final class StoreException extends RuntimeException {

    StoreException(SQLException cause) {
        super("the ruleset store failed: " + cause.getMessage(), cause);
    }
}
