package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A merchant's points over a stretch of its ledger chain, by what they mean for settlement: issued (EARN), reversed
 * (refunds, and voids or reversals of sales and refunds), redeemed at its tills (REDEEM, less voided redemptions),
 * expired (EXPIRE) and any other kind. Together they are the sum of every entry: issued - reversed - redeemed -
 * expired + other.
 */
public record PointsFigures(long issued, long reversed, long redeemed, long expired, long other) {
    static final PointsFigures NONE = new PointsFigures(0, 0, 0, 0, 0);

    public long netPoints() {
        return issued - reversed - redeemed - expired + other;
    }

    /** The figures of the chain positions after {@code fromPosition} up to {@code toPosition}. */
    static PointsFigures read(MerchantSql sql, long fromPosition, long toPosition) throws SQLException {
        long issued = 0;
        long reversed = 0;
        long redeemed = 0;
        long expired = 0;
        long other = 0;
        try (PreparedStatement ps = sql.prepare("SELECT e.entry_type, o.kind, SUM(e.points) FROM ledger_chain_link k "
                + "JOIN ledger_entry e ON e.id = k.entry_id AND e.merchant_id = k.merchant_id "
                + "LEFT JOIN purchase p ON p.id = e.purchase_id AND p.merchant_id = k.merchant_id "
                + "LEFT JOIN purchase o ON o.id = p.original_id AND o.merchant_id = k.merchant_id "
                + "WHERE k.merchant_id = :merchant AND k.chain_seq > ? AND k.chain_seq <= ? GROUP BY e.entry_type, o.kind")) {
            ps.setLong(1, fromPosition);
            ps.setLong(2, toPosition);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    String originalKind = rs.getString(2);
                    long points = rs.getLong(3);
                    switch (type) {
                        case "EARN" -> issued += points;
                        case "REFUND" -> reversed -= points;
                        case "REDEEM" -> redeemed -= points;
                        case "EXPIRE" -> expired -= points;
                        case "VOID", "REVERSAL" -> {
                            if ("REDEEM".equals(originalKind)) {
                                redeemed -= points;
                            } else {
                                reversed -= points;
                            }
                        }
                        default -> other += points;
                    }
                }
            }
        }
        return new PointsFigures(issued, reversed, redeemed, expired, other);
    }
}
