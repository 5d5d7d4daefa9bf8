package io.loyaltyhub.domain.household;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The cards the operator blocked (lost, stolen, …), for the operator console: last four digits only, never more. */
public final class BlockedCards {
    /** A blocked card: its last four digits, the household (account) it belongs to, why and since when. */
    public record BlockedCard(String last4, long household, String reason, LocalDateTime since) {
    }

    private final Database database;

    public BlockedCards(Database database) {
        this.database = database;
    }

    /** The blocked cards, the most recently blocked first, at most {@code limit}. */
    public List<BlockedCard> newestFirst(int limit) {
        try (Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT last4, account_id, status_reason, status_changed_at FROM card WHERE status = 'BLOCKED' "
                        + "ORDER BY status_changed_at DESC, id DESC")) {
            ps.setMaxRows(limit);
            List<BlockedCard> cards = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cards.add(new BlockedCard(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, LocalDateTime.class)));
                }
            }
            c.rollback();
            return cards;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read blocked cards: " + e.getMessage(), e);
        }
    }
}
