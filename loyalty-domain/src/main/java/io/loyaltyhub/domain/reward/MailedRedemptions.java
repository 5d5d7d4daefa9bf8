package io.loyaltyhub.domain.reward;

import io.loyaltyhub.domain.member.AccountMoves;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.Sql;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Gifts the operator sends by mail (docs/rewards.md): reserved for a member's card (points taken, one taken from the
 * stock), then fulfilled when sent, or cancelled (points and stock given back). No merchant is involved, so the points
 * move as the operator's account moves (account_move), and the balance still equals the sum of the ledger. Each
 * operation is one database transaction; card, account and reward are locked in the engine's order (account before
 * reward), and contention runs it again a few times.
 */
public final class MailedRedemptions {
    private static final int ATTEMPTS = 5;

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public MailedRedemptions(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    public Redemption reserve(PresentedCard card, String rewardCode, String actor) {
        return inTransaction((c, now) -> {
            RewardShelf shelf = new RewardShelf(c);
            long[] cardAndAccount = lockCard(c, card);
            long balance = lockBalance(c, cardAndAccount[1]);
            Reward reward = shelf.find(rewardCode);
            if (reward == null) {
                throw new RewardRefused(RewardRefusal.REWARD_UNKNOWN, "no reward has code " + rewardCode);
            }
            if (reward.refusalOn(now.toLocalDate()) != null) {
                throw new RewardRefused(RewardRefusal.REWARD_EXPIRED, "reward " + rewardCode + " is valid from "
                        + reward.validFrom() + " to " + reward.validUntil());
            }
            if (balance < reward.pricePoints()) {
                throw new RewardRefused(RewardRefusal.INSUFFICIENT_POINTS, "the reward costs " + reward.pricePoints()
                        + " points and the balance is " + balance);
            }
            if (!shelf.takeOne(reward.id())) {
                throw new RewardRefused(RewardRefusal.REWARD_OUT_OF_STOCK, "reward " + rewardCode + " is out of stock");
            }
            long id = ids.nextId();
            new AccountMoves(c, ids, now).adjust(id, cardAndAccount[1], cardAndAccount[0], "REWARD", -reward.pricePoints());
            shelf.record(new RewardShelf.NewRedemption(id, reward.id(), cardAndAccount[1], cardAndAccount[0], null, null,
                    reward.pricePoints(), "RESERVED", RewardShelf.MAIL, actor, now));
            return new Redemption(id, reward.code(), reward.name(), reward.pricePoints(), "RESERVED", RewardShelf.MAIL,
                    balance - reward.pricePoints());
        });
    }

    /** The gift was sent: the redemption is final. */
    public Redemption fulfil(long redemptionId, String actor) {
        return inTransaction((c, now) -> {
            Stored r = lockReserved(c, redemptionId);
            setStatus(c, redemptionId, "FULFILLED", actor, now);
            return new Redemption(r.id, r.code, r.name, r.points, "FULFILLED", r.channel, lockBalance(c, r.accountId));
        });
    }

    /** The gift will not be sent: the member gets the points back, the stock its gift. */
    public Redemption cancel(long redemptionId, String actor) {
        return inTransaction((c, now) -> {
            Stored r = lockReserved(c, redemptionId);
            long balance = lockBalance(c, r.accountId);
            new AccountMoves(c, ids, now).adjust(ids.nextId(), r.accountId, r.cardId, "REWARD_BACK", r.points);
            new RewardShelf(c).giveBackOne(r.rewardId);
            setStatus(c, redemptionId, "CANCELLED", actor, now);
            return new Redemption(r.id, r.code, r.name, r.points, "CANCELLED", r.channel, balance + r.points);
        });
    }

    private record Stored(long id, long rewardId, long accountId, Long cardId, long points, String channel, String code,
                          String name) {
    }

    private static Stored lockReserved(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT d.id, d.reward_id, d.account_id, d.card_id, d.points, "
                + "d.channel, d.status FROM reward_redemption d WHERE d.id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new RewardRefused(RewardRefusal.UNKNOWN_REDEMPTION, "no redemption " + id);
                }
                long card = rs.getLong(4);
                Long cardId = rs.wasNull() ? null : card;
                if (!"RESERVED".equals(rs.getString(7))) {
                    throw new RewardRefused(RewardRefusal.REDEMPTION_NOT_RESERVED, "redemption " + id + " is "
                            + rs.getString(7).toLowerCase(java.util.Locale.ROOT) + ", not reserved"
                            + (RewardShelf.TILL.equals(rs.getString(6)) ? " (a till's redemption is undone by its void or reversal)" : ""));
                }
                Stored s = new Stored(rs.getLong(1), rs.getLong(2), rs.getLong(3), cardId, rs.getLong(5), rs.getString(6),
                        null, null);
                return named(c, s);
            }
        }
    }

    private static Stored named(Connection c, Stored s) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT code, name FROM reward WHERE id = ?")) {
            ps.setLong(1, s.rewardId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Stored(s.id, s.rewardId, s.accountId, s.cardId, s.points, s.channel, rs.getString(1), rs.getString(2));
            }
        }
    }

    private static void setStatus(Connection c, long id, String status, String actor, LocalDateTime now) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "UPDATE reward_redemption SET status = ?, actor = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, actor);
            ps.setObject(3, now);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** @return the card's id and its account's, the card locked; refused for an unknown, blocked or replaced card */
    private static long[] lockCard(Connection c, PresentedCard card) throws SQLException {
        List<CardToken> tokens = card.allTokens();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, account_id, status FROM card WHERE token IN ("
                + Sql.placeholders(tokens.size()) + ") ORDER BY key_version DESC FOR UPDATE")) {
            for (int i = 0; i < tokens.size(); i++) {
                ps.setString(i + 1, tokens.get(i).hash());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new RewardRefused(RewardRefusal.UNKNOWN_CARD, card.token() + " has no account");
                }
                if (!"ACTIVE".equals(rs.getString(3))) {
                    throw new RewardRefused(RewardRefusal.CARD_NOT_USABLE, card.token() + " is "
                            + rs.getString(3).toLowerCase(java.util.Locale.ROOT));
                }
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static long lockBalance(Connection c, long accountId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT balance FROM member_account WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Work<T> {
        T run(Connection c, LocalDateTime now) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = database.connection()) {
                try {
                    T result = work.run(c, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    database.commitDurably(c);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!Sql.isRetryable(e)) {
                    throw new IllegalStateException("the database refused the redemption: " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw new IllegalStateException("the redemption met concurrent changes " + ATTEMPTS + " times; try it again", last);
    }
}
