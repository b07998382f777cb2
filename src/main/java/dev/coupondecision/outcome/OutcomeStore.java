package dev.coupondecision.outcome;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.store.Jdbc;
import dev.coupondecision.store.StoreException;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The outcome table of the store's database. */
public final class OutcomeStore {
    private static final String INSERT = "INSERT INTO outcome (customer_id, campaign_id, type, at, decision_id,"
            + " campaign_type, order_amount, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DUPLICATE_KEY = "23505";

    /** What the report reads of one outcome. */
    public record CampaignOutcome(String customerId, OutcomeType type, BigDecimal orderAmount) {
    }

    /** How many outcomes were new, and how many had been recorded before. */
    public record Recorded(int recorded, int duplicates) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public OutcomeStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** Records outcomes; one recorded before (same customer, campaign, type and moment) is not recorded again. */
    public Recorded record(List<Outcome> outcomes) {
        Instant now = clock.instant();
        try {
            return jdbc.inTransaction(connection -> new Recorded(insert(connection, outcomes, now), 0));
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !isDuplicate(sql)) {
                throw e;
            }
        }
        // some were recorded before: one by one, each in its own statement, counting those
        return jdbc.read(connection -> {
            int recorded = 0;
            int duplicates = 0;
            for (Outcome outcome : outcomes) {
                try {
                    recorded += insert(connection, List.of(outcome), now);
                } catch (SQLException e) {
                    if (!isDuplicate(e)) {
                        throw e;
                    }
                    duplicates++;
                }
            }
            return new Recorded(recorded, duplicates);
        });
    }

    private static int insert(Connection connection, List<Outcome> outcomes, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Outcome o : outcomes) {
                insert.setString(1, o.customerId());
                insert.setString(2, o.campaignId());
                insert.setString(3, o.type().name());
                insert.setObject(4, Jdbc.utc(o.at()));
                insert.setString(5, o.decisionId());
                insert.setString(6, o.campaignType() == null ? null : o.campaignType().name());
                insert.setBigDecimal(7, o.orderAmount());
                insert.setObject(8, Jdbc.utc(now));
                insert.addBatch();
            }
            insert.executeBatch();
            return outcomes.size();
        }
    }

    private static boolean isDuplicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (DUPLICATE_KEY.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The messages recorded as sent to a customer in (from, to], newest first, at most {@code limit}; of type PROMOTION
     * when neither the outcome nor a logged decision of its campaign says.
     */
    public List<DecisionRequest.Contact> sentTo(String customerId, Instant from, Instant to, int limit) {
        // a send without its campaign type takes that of the customer's latest logged decision in the campaign
        return jdbc.read(connection -> Jdbc.queryAll(connection, "SELECT o.at, COALESCE(o.campaign_type,"
                        + " (SELECT d.campaign_type FROM decision_log d WHERE d.customer_id = o.customer_id"
                        + " AND d.campaign_id = o.campaign_id ORDER BY d.decided_at DESC FETCH FIRST 1 ROWS ONLY)),"
                        + " o.campaign_id FROM outcome o WHERE o.customer_id = ? AND o.type = 'SENT' AND o.at > ?"
                        + " AND o.at <= ? ORDER BY o.at DESC FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new DecisionRequest.Contact(Jdbc.instant(rs, 1),
                        rs.getString(2) == null ? CampaignType.PROMOTION : CampaignType.valueOf(rs.getString(2)),
                        rs.getString(3)),
                customerId, Jdbc.utc(from), Jdbc.utc(to)));
    }

    /** Every outcome of a campaign. */
    public List<CampaignOutcome> campaign(String campaignId) {
        return jdbc.read(connection -> Jdbc.queryAll(connection, "SELECT customer_id, type, order_amount FROM outcome"
                        + " WHERE campaign_id = ?",
                rs -> new CampaignOutcome(rs.getString(1), OutcomeType.valueOf(rs.getString(2)), rs.getBigDecimal(3)),
                campaignId));
    }

    /** Deletes outcomes that happened before {@code cutoff}; returns how many. */
    public int deleteBefore(Instant cutoff) {
        return jdbc.inTransaction(connection -> Jdbc.update(connection, "DELETE FROM outcome WHERE at < ?",
                Jdbc.utc(cutoff)));
    }
}
