package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cards and member accounts: coalition data, the operator's, so these statements are deliberately not
 * merchant-scoped. A merchant learns a balance only in the answer to a card presented at its own terminal.
 */
final class AccountStore {
    private static final int ACCOUNTS_PER_UPDATE = 100;

    Map<String, CardHolder> findCardsByToken(Connection c, Collection<String> tokens) throws SQLException {
        Map<String, CardHolder> found = new HashMap<>();
        if (tokens.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT token, id, account_id, status, key_version FROM card WHERE token IN ("
                + Sql.placeholders(tokens.size()) + ")")) {
            int i = 1;
            for (String token : tokens) {
                ps.setString(i++, token);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new CardHolder(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5)));
                }
            }
        }
        return found;
    }

    /**
     * The card key version the coalition stores new cards under (table card_key_state, moved forward only by
     * keys-rekey-cards); null when the table has no row (a database older than the table: anything goes).
     */
    Integer coalitionCardKeyVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT current_version FROM card_key_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    /** The card that replaced this one (docs/households.md), or null when it was not replaced. */
    Long replacementOf(Connection c, long cardId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT replaced_by_card_id FROM card WHERE id = ?")) {
            ps.setLong(1, cardId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long replacement = rs.getLong(1);
                return rs.wasNull() ? null : replacement;
            }
        }
    }

    /** Moves a card found under an earlier card key version to the current one (the token is unique, so this is idempotent). */
    void rekey(Connection c, long cardId, CardToken current) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE card SET token = ?, key_version = ? WHERE id = ? AND key_version < ?")) {
            ps.setString(1, current.hash());
            ps.setInt(2, current.keyVersion());
            ps.setLong(3, cardId);
            ps.setInt(4, current.keyVersion());
            ps.executeUpdate();
        }
    }

    /** First swipe of a card from an issued range: a new account with a zero balance, and the card on it. */
    CardHolder activate(Connection c, CardToken token, long rangeId, long accountId, long cardId, LocalDateTime now)
            throws SQLException {
        try (PreparedStatement account = CoalitionSql.on(c).prepare(
                "INSERT INTO member_account (id, balance, created_at) VALUES (?, 0, ?)")) {
            account.setLong(1, accountId);
            account.setObject(2, now);
            account.executeUpdate();
        }
        try (PreparedStatement card = CoalitionSql.on(c).prepare("INSERT INTO card (id, token, key_version, last4, account_id, "
                + "range_id, status, activated_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)")) {
            card.setLong(1, cardId);
            card.setString(2, token.hash());
            card.setInt(3, token.keyVersion());
            card.setString(4, token.last4());
            card.setLong(5, accountId);
            card.setLong(6, rangeId);
            card.setObject(7, now);
            card.executeUpdate();
        }
        return new CardHolder(cardId, accountId, "ACTIVE", token.keyVersion());
    }

    /**
     * Locks the accounts (in id order, so concurrent batches queue rather than deadlock) and reads their balances;
     * the ids of accounts that are closed (their cards moved to a household while this batch ran) go to {@code closed}.
     */
    Map<Long, Points> lockBalances(Connection c, Collection<Long> accountIds, java.util.Set<Long> closed) throws SQLException {
        Map<Long, Points> balances = new HashMap<>();
        if (accountIds.isEmpty()) {
            return balances;
        }
        TreeSet<Long> ordered = new TreeSet<>(accountIds);
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, balance, status FROM member_account WHERE id IN ("
                + Sql.placeholders(ordered.size()) + ") ORDER BY id FOR UPDATE")) {
            int i = 1;
            for (Long id : ordered) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    balances.put(rs.getLong(1), Points.of(rs.getLong(2)));
                    if (!"OPEN".equals(rs.getString(3))) {
                        closed.add(rs.getLong(1));
                    }
                }
            }
        }
        return balances;
    }

    /**
     * Atomic in SQL: each account moves by the net change of this batch, never by a value read earlier. One
     * statement for the whole batch ({@code balance + CASE id WHEN ? THEN ? ... END}), in pieces of at most
     * {@value #ACCOUNTS_PER_UPDATE} accounts: a statement per account cost the database a parse and a plan each.
     */
    void applyChanges(Connection c, Map<Long, Points> changeByAccount) throws SQLException {
        List<Map.Entry<Long, Points>> moved = new java.util.TreeMap<>(changeByAccount).entrySet().stream()
                .filter(e -> !e.getValue().isZero()).toList();
        for (int from = 0; from < moved.size(); from += ACCOUNTS_PER_UPDATE) {
            updateBalances(c, moved.subList(from, Math.min(moved.size(), from + ACCOUNTS_PER_UPDATE)));
        }
    }

    private static void updateBalances(Connection c, List<Map.Entry<Long, Points>> moved) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE member_account SET balance = balance + CASE id");
        for (int i = 0; i < moved.size(); i++) {
            sql.append(" WHEN ? THEN ?");
        }
        sql.append(" END WHERE id IN (").append(Sql.placeholders(moved.size())).append(')');
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(sql.toString())) {
            int i = 1;
            for (Map.Entry<Long, Points> e : moved) {
                ps.setLong(i++, e.getKey());
                ps.setLong(i++, e.getValue().value());
            }
            for (Map.Entry<Long, Points> e : moved) {
                ps.setLong(i++, e.getKey());
            }
            int updated = ps.executeUpdate();
            if (updated != moved.size()) {
                throw new SQLException("balance update touched " + updated + " accounts instead of " + moved.size());
            }
        }
    }
}
