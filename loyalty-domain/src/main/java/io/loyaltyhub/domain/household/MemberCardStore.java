package io.loyaltyhub.domain.household;

import io.loyaltyhub.domain.member.AccountMoves;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.Sql;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The statements of the operator's card and household operations, all on coalition data, inside the caller's
 * transaction. Cards are locked before accounts, and accounts in id order (as the engine locks them), so an
 * operation and the engine's batches queue instead of deadlocking.
 */
final class MemberCardStore {
    private final Connection c;
    private final IdGenerator ids;
    private final LocalDateTime now;

    MemberCardStore(Connection c, IdGenerator ids, LocalDateTime now) {
        this.c = c;
        this.ids = ids;
        this.now = now;
    }

    record StoredCard(long id, long accountId, String status, String reason, int keyVersion, String last4) {
    }

    record Account(long id, long balance, String status) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** The stored card presented (under its newest key version), locked; null when no card is stored under its tokens. */
    StoredCard lockCard(PresentedCard card) throws SQLException {
        List<CardToken> tokens = card.allTokens();
        StoredCard newest = null;
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, account_id, status, status_reason, key_version, "
                + "last4 FROM card WHERE token IN (" + Sql.placeholders(tokens.size()) + ") ORDER BY id FOR UPDATE")) {
            for (int i = 0; i < tokens.size(); i++) {
                ps.setString(i + 1, tokens.get(i).hash());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredCard found = new StoredCard(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6));
                    if (newest == null || found.keyVersion() > newest.keyVersion()) {
                        newest = found;
                    }
                }
            }
        }
        return newest;
    }

    /** Locks the accounts in id order; an id with no account is missing from the answer. */
    Map<Long, Account> lockAccounts(long... accountIds) throws SQLException {
        Set<Long> distinct = new HashSet<>();
        for (long id : accountIds) {
            distinct.add(id);
        }
        Map<Long, Account> found = new TreeMap<>();
        List<Long> ordered = new ArrayList<>(new java.util.TreeSet<>(distinct));
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, balance, status FROM member_account WHERE id IN ("
                + Sql.placeholders(ordered.size()) + ") ORDER BY id FOR UPDATE")) {
            for (int i = 0; i < ordered.size(); i++) {
                ps.setLong(i + 1, ordered.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Account(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return found;
    }

    /** The cards on an account that can still be used (not replaced), locked, in id order. */
    List<StoredCard> lockUsableCardsOn(long accountId) throws SQLException {
        return cardsOn(accountId, " AND status <> 'REPLACED' ORDER BY id FOR UPDATE");
    }

    List<StoredCard> cardsOn(long accountId) throws SQLException {
        return cardsOn(accountId, " ORDER BY id");
    }

    private List<StoredCard> cardsOn(long accountId, String rest) throws SQLException {
        List<StoredCard> cards = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, account_id, status, status_reason, key_version, "
                + "last4 FROM card WHERE account_id = ?" + rest)) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cards.add(new StoredCard(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6)));
                }
            }
        }
        return cards;
    }

    Account account(long accountId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, balance, status FROM member_account WHERE id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Account(rs.getLong(1), rs.getLong(2), rs.getString(3)) : null;
            }
        }
    }

    /** The card key version new cards are stored under; null when the table has no row (anything goes). */
    Integer coalitionCardKeyVersion() throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT current_version FROM card_key_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    long newAccount() throws SQLException {
        long id = ids.nextId();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "INSERT INTO member_account (id, balance, created_at, status) VALUES (?, 0, ?, 'OPEN')")) {
            ps.setLong(1, id);
            ps.setObject(2, now);
            ps.executeUpdate();
        }
        return id;
    }

    /** Stores a card, activated by the operator, on an account. */
    long newCard(CardToken token, long rangeId, long accountId) throws SQLException {
        long id = ids.nextId();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO card (id, token, key_version, last4, account_id, "
                + "range_id, status, activated_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)")) {
            ps.setLong(1, id);
            ps.setString(2, token.hash());
            ps.setInt(3, token.keyVersion());
            ps.setString(4, token.last4());
            ps.setLong(5, accountId);
            ps.setLong(6, rangeId);
            ps.setObject(7, now);
            ps.executeUpdate();
        }
        return id;
    }

    /** Moves a card, and the cards it replaced, to another account. */
    void moveCard(long cardId, long toAccount) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "UPDATE card SET account_id = ? WHERE id = ? OR replaced_by_card_id = ?")) {
            ps.setLong(1, toAccount);
            ps.setLong(2, cardId);
            ps.setLong(3, cardId);
            ps.executeUpdate();
        }
    }

    void moveAllCards(long fromAccount, long toAccount) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE card SET account_id = ? WHERE account_id = ?")) {
            ps.setLong(1, toAccount);
            ps.setLong(2, fromAccount);
            ps.executeUpdate();
        }
    }

    /**
     * Moves points between two locked accounts ({@link AccountMoves#transfer}): a pair of account_move rows and both
     * balances. Nothing is written for zero points.
     */
    void movePoints(long operationId, long from, long to, Long cardId, String moveType, long points) throws SQLException {
        new AccountMoves(c, ids, now).transfer(operationId, from, to, cardId, moveType, points);
    }

    /** An account whose last card left: closed, pointing at where its points went (a closed account holds 0). */
    void closeAccount(long accountId, long into) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "UPDATE member_account SET status = 'CLOSED', closed_into_account_id = ? WHERE id = ?")) {
            ps.setLong(1, into);
            ps.setLong(2, accountId);
            ps.executeUpdate();
        }
    }

    void setCardStatus(long cardId, String status, String reason, Long replacedBy) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE card SET status = ?, status_reason = ?, "
                + "status_changed_at = ?, replaced_by_card_id = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setObject(3, now);
            ps.setObject(4, replacedBy);
            ps.setLong(5, cardId);
            ps.executeUpdate();
        }
    }

    /**
     * Personal data of an owner the target account has none of moves with the account's cards; where both have
     * some, the target's stays (as keys-rekey-cards does when it merges a card stored twice).
     */
    void movePersonalData(long fromAccount, long toAccount) throws SQLException {
        Set<String> targetOwners = owners(toAccount);
        for (String owner : owners(fromAccount)) {
            if (targetOwners.contains(owner)) {
                continue;
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "UPDATE member_personal_data SET account_id = ? WHERE owner_ref = ? AND account_id = ?")) {
                ps.setLong(1, toAccount);
                ps.setString(2, owner);
                ps.setLong(3, fromAccount);
                ps.executeUpdate();
            }
        }
    }

    private Set<String> owners(long account) throws SQLException {
        Set<String> owners = new HashSet<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT owner_ref FROM member_personal_data WHERE account_id = ?")) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.add(rs.getString(1));
                }
            }
        }
        return owners;
    }

    /** The operator's audit row of one operation. */
    void event(String type, Long cardId, long accountId, Long otherCardId, Long otherAccountId, String reason, long points,
               String actor) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO member_event (id, event_type, card_id, account_id, "
                + "other_card_id, other_account_id, reason, points, actor, happened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, ids.nextId());
            ps.setString(2, type);
            ps.setObject(3, cardId);
            ps.setLong(4, accountId);
            ps.setObject(5, otherCardId);
            ps.setObject(6, otherAccountId);
            ps.setString(7, reason);
            ps.setLong(8, points);
            ps.setString(9, actor);
            ps.setObject(10, now);
            ps.executeUpdate();
        }
    }

    long nextId() {
        return ids.nextId();
    }
}
