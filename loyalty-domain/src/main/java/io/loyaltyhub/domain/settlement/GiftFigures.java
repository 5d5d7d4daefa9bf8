package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The catalogue gifts a merchant's tills handed out over a stretch of its ledger chain (docs/settlement.md, "Catalogue
 * gifts"), net of the redemptions voided or reversed there: the operator's gifts (how many, the points they took and
 * their cost, which the operator reimburses instead of the points' redemption value) and merchants' own gifts, its
 * own or another merchant's it shares (how many and their cost: not reimbursed, the points are, at its redemption
 * value, as for any redemption at its tills). A gift counts where its REDEEM's entry lies in the chain and is taken back
 * where its void's entry lies, each at the cost recorded with the redemption: so a cancellation in a later period
 * lands in that period and a closed statement never changes.
 */
public record GiftFigures(long operatorGifts, long operatorGiftPoints, long operatorGiftCostMinor, long merchantGifts,
                          long merchantGiftCostMinor) {
    static final GiftFigures NONE = new GiftFigures(0, 0, 0, 0, 0);

    /** The gifts whose REDEEM (or its void or reversal) lies at the chain positions after {@code from} up to {@code to}. */
    static GiftFigures read(MerchantSql sql, long fromPosition, long toPosition) throws SQLException {
        long[] operator = new long[3];
        long[] own = new long[2];
        // the redemption is the REDEEM's own (a REDEEM entry) or its original's (the entry of its void or reversal)
        try (PreparedStatement ps = sql.prepare("SELECT CASE WHEN r.owner_merchant_id IS NULL THEN 1 ELSE 0 END, "
                + "CASE WHEN e.entry_type = 'REDEEM' THEN 1 ELSE -1 END, COUNT(*), SUM(d.points), SUM(d.cost_minor) "
                + "FROM ledger_chain_link k JOIN ledger_entry e ON e.id = k.entry_id AND e.merchant_id = k.merchant_id "
                + "JOIN purchase p ON p.id = e.purchase_id AND p.merchant_id = k.merchant_id "
                + "JOIN reward_redemption d ON d.merchant_id = k.merchant_id AND d.channel = 'TILL' "
                + "AND ((e.entry_type = 'REDEEM' AND d.purchase_id = p.id) "
                + "OR (e.entry_type IN ('VOID', 'REVERSAL') AND d.purchase_id = p.original_id)) "
                + "JOIN reward r ON r.id = d.reward_id "
                + "WHERE k.merchant_id = :merchant AND k.chain_seq > ? AND k.chain_seq <= ? "
                + "GROUP BY CASE WHEN r.owner_merchant_id IS NULL THEN 1 ELSE 0 END, "
                + "CASE WHEN e.entry_type = 'REDEEM' THEN 1 ELSE -1 END")) {
            ps.setLong(1, fromPosition);
            ps.setLong(2, toPosition);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sign = rs.getLong(2);
                    if (rs.getInt(1) == 1) {
                        operator[0] += sign * rs.getLong(3);
                        operator[1] += sign * rs.getLong(4);
                        operator[2] += sign * rs.getLong(5);
                    } else {
                        own[0] += sign * rs.getLong(3);
                        own[1] += sign * rs.getLong(5);
                    }
                }
            }
        }
        return new GiftFigures(operator[0], operator[1], operator[2], own[0], own[1]);
    }
}
