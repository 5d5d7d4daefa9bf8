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

    /** The gifts whose REDEEM (or its void or reversal) lies at the chain positions after {@code from} up to {@code to}. */
    static GiftFigures read(MerchantSql sql, long fromPosition, long toPosition) throws SQLException {
        long[] sums = new long[5];
        // handed out: the REDEEM's entry and its own redemption
        add(sql, "SELECT CASE WHEN r.owner_merchant_id IS NULL THEN 1 ELSE 0 END, COUNT(*), SUM(d.points), "
                + "SUM(d.cost_minor) FROM ledger_chain_link k JOIN ledger_entry e ON e.id = k.entry_id "
                + "AND e.merchant_id = k.merchant_id JOIN reward_redemption d ON d.merchant_id = k.merchant_id "
                + "AND d.purchase_id = e.purchase_id AND d.channel = 'TILL' JOIN reward r ON r.id = d.reward_id "
                + "WHERE k.merchant_id = :merchant AND k.chain_seq > ? AND k.chain_seq <= ? AND e.entry_type = 'REDEEM' "
                + "GROUP BY CASE WHEN r.owner_merchant_id IS NULL THEN 1 ELSE 0 END", fromPosition, toPosition, 1, sums);
        // taken back: the entry of a void or reversal, and the redemption of the REDEEM it undid
        add(sql, "SELECT CASE WHEN r.owner_merchant_id IS NULL THEN 1 ELSE 0 END, COUNT(*), SUM(d.points), "
                + "SUM(d.cost_minor) FROM ledger_chain_link k JOIN ledger_entry e ON e.id = k.entry_id "
                + "AND e.merchant_id = k.merchant_id JOIN purchase p ON p.id = e.purchase_id AND p.merchant_id = k.merchant_id "
                + "JOIN reward_redemption d ON d.merchant_id = k.merchant_id AND d.purchase_id = p.original_id "
                + "AND d.channel = 'TILL' JOIN reward r ON r.id = d.reward_id "
                + "WHERE k.merchant_id = :merchant AND k.chain_seq > ? AND k.chain_seq <= ? "
                + "AND e.entry_type IN ('VOID', 'REVERSAL') "
                + "GROUP BY CASE WHEN r.owner_merchant_id IS NULL THEN 1 ELSE 0 END", fromPosition, toPosition, -1, sums);
        return new GiftFigures(sums[0], sums[1], sums[2], sums[3], sums[4]);
    }

    /** Adds the query's rows (operator's gift or not, count, points, cost), signed, to the sums. */
    private static void add(MerchantSql sql, String query, long from, long to, long sign, long[] sums) throws SQLException {
        try (PreparedStatement ps = sql.prepare(query)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == 1) {
                        sums[0] += sign * rs.getLong(2);
                        sums[1] += sign * rs.getLong(3);
                        sums[2] += sign * rs.getLong(4);
                    } else {
                        sums[3] += sign * rs.getLong(2);
                        sums[4] += sign * rs.getLong(4);
                    }
                }
            }
        }
    }
}
