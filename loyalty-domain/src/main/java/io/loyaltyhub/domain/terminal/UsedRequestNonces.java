package io.loyaltyhub.domain.terminal;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The nonces of signed terminal requests already used ({@code used_request_nonce}), in the database every hub node
 * shares, so a request replayed to another node is refused as it is on the node that first took it. A nonce is
 * used once per terminal until it expires; an expired row is taken over by the next use of the same nonce and
 * deleted by {@link #forgetExpired}.
 */
public final class UsedRequestNonces {
    private static final String INSERT = "INSERT INTO used_request_nonce (merchant_id, terminal_id, nonce, expires_at)"
            + " VALUES (:merchant, ?, ?, ?)";
    private static final String TAKE_OVER_EXPIRED = "UPDATE used_request_nonce SET expires_at = ?"
            + " WHERE merchant_id = :merchant AND terminal_id = ? AND nonce = ? AND expires_at < ?";
    private static final String DELETE_EXPIRED = "DELETE FROM used_request_nonce WHERE expires_at < ?";
    private static final String WHY_ACROSS = "expired nonces of every terminal are deleted in one statement";

    private final Database database;

    public UsedRequestNonces(Database database) {
        this.database = database;
    }

    /**
     * Records the nonce as used by this terminal until {@code expiresAt}.
     *
     * @return true the first time (the request may go on), false when the nonce is already used and not expired
     */
    public boolean useOnce(MerchantId merchant, TerminalId terminal, String nonce, Instant now, Instant expiresAt) {
        try (Connection c = database.connection()) {
            try (PreparedStatement insert = MerchantSql.on(c, merchant).prepare(INSERT)) {
                insert.setLong(1, terminal.value());
                insert.setString(2, nonce);
                insert.setTimestamp(3, utc(expiresAt));
                insert.executeUpdate();
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (!Sql.isDuplicateKey(e)) {
                    throw e;
                }
            }
            try (PreparedStatement takeOver = MerchantSql.on(c, merchant).prepare(TAKE_OVER_EXPIRED)) {
                takeOver.setTimestamp(1, utc(expiresAt));
                takeOver.setLong(2, terminal.value());
                takeOver.setString(3, nonce);
                takeOver.setTimestamp(4, utc(now));
                boolean expired = takeOver.executeUpdate() == 1;
                c.commit();
                return expired;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the request's nonce: " + e.getMessage(), e);
        }
    }

    /** Deletes every nonce that expired before {@code now}; returns how many. */
    public int forgetExpired(Instant now) {
        try (Connection c = database.connection();
             PreparedStatement delete = AcrossMerchants.on(c, WHY_ACROSS).prepare(DELETE_EXPIRED)) {
            delete.setTimestamp(1, utc(now));
            int deleted = delete.executeUpdate();
            c.commit();
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete expired nonces: " + e.getMessage(), e);
        }
    }

    private static java.sql.Timestamp utc(Instant instant) {
        return Sql.timestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
