package io.loyaltyhub.domain.member;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A merchant leaves the coalition: in one transaction its data keys are destroyed (crypto-shredding: the personal
 * data it held stays only as ciphertext nobody can open), its terminals are disabled and lose their signing and
 * MAC keys, and the merchant is marked offboarded. Its purchases and the coalition ledger stay (points earned there
 * remain the members'); they carry no personal data.
 */
public final class MerchantOffboarding {
    private final Database database;
    private final MemberRegistry members;

    public MerchantOffboarding(Database database, MemberRegistry members) {
        this.database = database;
        this.members = members;
    }

    public record Result(int dataKeysDestroyed, int terminalsDisabled) {
    }

    public Result offboard(MerchantId merchant) {
        try (Connection c = database.connection()) {
            try {
                int keys = members.destroyMerchantKeys(c, merchant);
                int terminals = update(c, "UPDATE terminal SET status = 'DISABLED' WHERE merchant_id = :merchant", merchant);
                update(c, "DELETE FROM terminal_signing_key WHERE merchant_id = :merchant", merchant);
                update(c, "DELETE FROM terminal_mac_key WHERE merchant_id = :merchant", merchant);
                // Its cloud POS accounts' signing secrets go too: their webhooks are refused as not connected.
                update(c, "DELETE FROM webhook_connection WHERE merchant_id = :merchant", merchant);
                // And which of its provider customers carried which card.
                update(c, "DELETE FROM webhook_customer_card WHERE merchant_id = :merchant", merchant);
                if (update(c, "UPDATE merchant SET status = 'OFFBOARDED' WHERE id = :merchant", merchant) != 1) {
                    throw new IllegalArgumentException("no merchant " + merchant.value());
                }
                c.commit();
                return new Result(keys, terminals);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("offboarding failed: " + e.getMessage(), e);
        }
    }

    private static int update(Connection c, String sql, MerchantId merchant) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(sql)) {
            return ps.executeUpdate();
        }
    }
}
