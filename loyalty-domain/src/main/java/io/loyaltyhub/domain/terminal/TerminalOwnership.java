package io.loyaltyhub.domain.terminal;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Checks, inside the caller's transaction, that a terminal belongs to a merchant before a key is stored for it. */
public final class TerminalOwnership {
    private TerminalOwnership() {
    }

    public static void require(Connection c, MerchantId merchant, TerminalId terminal) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                "SELECT 1 FROM terminal WHERE merchant_id = :merchant AND id = ?")) {
            ps.setLong(1, terminal.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("merchant " + merchant + " has no terminal " + terminal.value());
                }
            }
        }
    }
}
