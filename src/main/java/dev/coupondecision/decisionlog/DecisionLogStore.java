package dev.coupondecision.decisionlog;

import dev.coupondecision.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The decision log table of the store's database. */
public final class DecisionLogStore {
    /**
     * Inserts a decision unless its id is logged already, so that a repeated decision (a retried request, a replayed
     * batch) is skipped by the database instead of failing the batch. Every value is cast to its column's type, as
     * PostgreSQL cannot infer the type of a parameter in a select list (lengths are left to the columns, which reject
     * what is too long instead of truncating it).
     */
    private static final String INSERT = "INSERT INTO decision_log (decision_id, decided_at, customer_id, campaign_id,"
            + " campaign_type, ruleset_version, request, request_sha256, eligible, holdout, tier, coupon_type, amount_off,"
            + " percent_off, experiment, variant, coupon_rule, coupon_source, decision)"
            + " SELECT CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BOOLEAN),"
            + " CAST(? AS BOOLEAN), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS DECIMAL), CAST(? AS DECIMAL),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR)"
            + " WHERE NOT EXISTS (SELECT 1 FROM decision_log WHERE decision_id = ?)";
    private static final String DUPLICATE_KEY = "23505";
    private static final String STORED = "SELECT decision_id, decided_at, customer_id, campaign_id, ruleset_version,"
            + " holdout, request, request_sha256, decision FROM decision_log";

    private final Jdbc jdbc;

    public DecisionLogStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Writes decisions in one transaction; a decision already logged (the same request decided again on the same
     * version has the same id) is kept as first written. Returns how many rows were new. Should another replica write
     * the same decision at the same moment, the batch fails on the primary key and is written again row by row.
     */
    int insert(List<LogEntry> entries) {
        try {
            return jdbc.inTransaction(connection -> insertAll(connection, entries));
        } catch (dev.coupondecision.store.StoreException e) {
            if (e.getCause() instanceof SQLException sql && isDuplicate(sql)) {
                // a decision logged before (a retried request, or another replica): write one by one, skipping those
                return jdbc.read(connection -> {
                    int written = 0;
                    for (LogEntry entry : entries) {
                        try {
                            written += insertAll(connection, List.of(entry));
                        } catch (SQLException one) {
                            if (!isDuplicate(one)) {
                                throw one;
                            }
                        }
                    }
                    return written;
                });
            }
            throw e;
        }
    }

    private static boolean isDuplicate(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (DUPLICATE_KEY.equals(next.getSQLState())) {
                return true;
            }
        }
        return e instanceof java.sql.BatchUpdateException && e.getCause() instanceof SQLException cause
                && DUPLICATE_KEY.equals(cause.getSQLState());
    }

    private static int insertAll(Connection connection, List<LogEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (LogEntry e : entries) {
                Object[] values = {e.decisionId(), Jdbc.utc(e.decidedAt()), e.customerId(), e.campaignId(),
                        e.campaignType(), e.rulesetVersion(), e.request(), e.requestSha256(), e.eligible(), e.holdout(),
                        e.tier(), e.couponType(), e.amountOff(), e.percentOff(), e.experiment(), e.variant(),
                        e.couponRule(), e.couponSource(), e.decision()};
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.setString(values.length + 1, e.decisionId());
                insert.addBatch();
            }
            int written = 0;
            for (int count : insert.executeBatch()) {
                written += Math.max(count, 0);
            }
            return written;
        }
    }

    public Optional<StoredDecision> find(String decisionId) {
        return jdbc.read(connection -> Jdbc.queryOne(connection, STORED + " WHERE decision_id = ?",
                DecisionLogStore::stored, decisionId));
    }

    /** A customer's decisions decided in [from, to), newest first, at most {@code limit}. */
    public List<StoredDecision> byCustomer(String customerId, Instant from, Instant to, int limit) {
        return jdbc.read(connection -> Jdbc.queryAll(connection, STORED + " WHERE customer_id = ? AND decided_at >= ?"
                        + " AND decided_at < ? ORDER BY decided_at DESC, decision_id FETCH FIRST " + limit + " ROWS ONLY",
                DecisionLogStore::stored, customerId, Jdbc.utc(from), Jdbc.utc(to)));
    }

    /** Decisions decided in [from, to), oldest first, at most {@code limit}: what a replay re-decides. */
    public List<StoredDecision> decidedBetween(Instant from, Instant to, int limit) {
        return jdbc.read(connection -> Jdbc.queryAll(connection, STORED + " WHERE decided_at >= ? AND decided_at < ?"
                        + " ORDER BY decided_at, decision_id FETCH FIRST " + limit + " ROWS ONLY",
                DecisionLogStore::stored, Jdbc.utc(from), Jdbc.utc(to)));
    }

    /** Every decision of a campaign, by customer and then oldest first. */
    public List<CampaignDecision> campaign(String campaignId) {
        return jdbc.read(connection -> Jdbc.queryAll(connection, "SELECT customer_id, decided_at, holdout, eligible,"
                        + " tier, coupon_type, amount_off, percent_off, experiment, variant, coupon_rule, coupon_source"
                        + " FROM decision_log WHERE campaign_id = ? ORDER BY customer_id, decided_at, decision_id",
                rs -> new CampaignDecision(rs.getString(1), Jdbc.instant(rs, 2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12)), campaignId));
    }

    /** A campaign in the decision log. */
    public record CampaignSummary(String campaignId, long decisions, Instant lastDecidedAt) {
    }

    /** The campaigns with logged decisions, most recently decided first. */
    public List<CampaignSummary> campaigns() {
        return jdbc.read(connection -> Jdbc.queryAll(connection, "SELECT campaign_id, COUNT(*), MAX(decided_at)"
                        + " FROM decision_log WHERE campaign_id IS NOT NULL GROUP BY campaign_id ORDER BY 3 DESC",
                rs -> new CampaignSummary(rs.getString(1), rs.getLong(2), Jdbc.instant(rs, 3))));
    }

    /** Deletes decisions decided before {@code cutoff}; returns how many. */
    public int deleteDecidedBefore(Instant cutoff) {
        return jdbc.inTransaction(connection -> Jdbc.update(connection, "DELETE FROM decision_log WHERE decided_at < ?",
                Jdbc.utc(cutoff)));
    }

    private static StoredDecision stored(ResultSet rs) throws SQLException {
        return new StoredDecision(rs.getString(1), Jdbc.instant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
