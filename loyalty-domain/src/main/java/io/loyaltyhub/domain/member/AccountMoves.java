package io.loyaltyhub.domain.member;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.IdGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Points put on or taken off members' accounts outside a sale (a gift redeemed by post and given back, a card leaving
 * its household): each change is an {@code account_move} row written together with the balance it changes, in the
 * caller's transaction, so every balance stays the sum of its ledger. The accounts are locked by the caller.
 */
public final class AccountMoves {
    private final Connection c;
    private final IdGenerator ids;
    private final LocalDateTime now;

    public AccountMoves(Connection c, IdGenerator ids, LocalDateTime now) {
        this.c = c;
        this.ids = ids;
        this.now = now;
    }

    /** {@code points} onto one account (negative: off it), the account its own counter account. */
    public void adjust(long operationId, long account, Long cardId, String moveType, long points) throws SQLException {
        write(new Move[] {new Move(account, account, moveType, points)}, operationId, cardId);
    }

    /**
     * {@code points} from one account to another: a pair of rows ({@code <type>_OUT}, {@code <type>_IN}) summing to
     * zero. Nothing is written for zero points.
     */
    public void transfer(long operationId, long from, long to, Long cardId, String moveType, long points)
            throws SQLException {
        if (points == 0) {
            return;
        }
        write(new Move[] {new Move(from, to, moveType + "_OUT", -points), new Move(to, from, moveType + "_IN", points)},
                operationId, cardId);
    }

    private record Move(long account, long counterAccount, String type, long points) {
    }

    private void write(Move[] moves, long operationId, Long cardId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO account_move (id, operation_id, account_id, "
                + "counter_account_id, card_id, move_type, points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Move m : moves) {
                ps.setLong(1, ids.nextId());
                ps.setLong(2, operationId);
                ps.setLong(3, m.account());
                ps.setLong(4, m.counterAccount());
                ps.setObject(5, cardId);
                ps.setString(6, m.type());
                ps.setLong(7, m.points());
                ps.setObject(8, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE member_account SET balance = balance + ? WHERE id = ?")) {
            for (Move m : moves) {
                ps.setLong(1, m.points());
                ps.setLong(2, m.account());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
