package io.loyaltyhub.domain.member;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The member account a card is on (coalition data: cards and accounts are the operator's, not a merchant's). */
public final class CardAccounts {
    private final Database database;

    public CardAccounts(Database database) {
        this.database = database;
    }

    /** The account of the card stored under any of these tokens (its current and earlier card key versions). */
    public Optional<Long> accountOf(List<String> tokens) {
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT account_id FROM card WHERE token IN (" + Sql.placeholders(tokens.size()) + ")")) {
            for (int i = 0; i < tokens.size(); i++) {
                ps.setString(i + 1, tokens.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Long> account = rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                c.rollback();
                return account;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The card a member account presents when it is found by other means than a card (its oldest active card). */
    public Optional<io.loyaltyhub.domain.txn.PresentedCard> activeCardOf(long accountId) {
        try (Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT token, key_version, last4, range_id FROM card WHERE account_id = ? AND status = 'ACTIVE' ORDER BY id")) {
            ps.setLong(1, accountId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<io.loyaltyhub.domain.txn.PresentedCard> card = rs.next()
                        ? Optional.of(new io.loyaltyhub.domain.txn.PresentedCard(new io.loyaltyhub.domain.model.CardToken(
                        rs.getString(1), rs.getInt(2), rs.getString(3)), rs.getLong(4)))
                        : Optional.empty();
                c.rollback();
                return card;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
