package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.ledger.ChainHash;
import io.loyaltyhub.domain.ledger.MerkleTree;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What makes a statement checkable without trusting the hub (docs/settlement.md): the line of text the hub signs for
 * it (its figures, the chain's hash at its last position and the Merkle root of its entries), and the period's
 * checkpoint over every merchant's.
 */
final class StatementSeal {
    private StatementSeal() {
    }

    /** The period's leaves: the chain hashes of the merchant's entries after {@code from} up to {@code to}, in order. */
    static List<String> leaves(MerchantSql sql, long from, long to) throws SQLException {
        List<String> leaves = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare("SELECT entry_hash FROM ledger_chain_link WHERE merchant_id = :merchant "
                + "AND chain_seq > ? AND chain_seq <= ? ORDER BY chain_seq")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leaves.add(rs.getString(1));
                }
            }
        }
        return leaves;
    }

    static String chainHashAt(MerchantSql sql, long position) throws SQLException {
        if (position == 0) {
            return ChainHash.GENESIS;
        }
        try (PreparedStatement ps = sql.prepare("SELECT entry_hash FROM ledger_chain_link WHERE merchant_id = :merchant "
                + "AND chain_seq = ?")) {
            ps.setLong(1, position);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : ChainHash.GENESIS;
            }
        }
    }

    /**
     * The one line the hub signs for a statement. v2 added the gift lines; statements signed before keep their v1
     * text (it is stored, never rebuilt).
     */
    static String signedText(MerchantStatement s, SettlementPeriod period, String chainHash, String merkleRoot,
                             int entries) {
        PointsFigures p = s.points();
        GiftFigures g = s.gifts();
        return "loyalty-hub-statement v2|merchant=" + s.merchant() + "|period=" + s.periodId() + "|start=" + period.startsAt()
                + "|end=" + period.end() + "|positions=" + s.fromPosition() + ".." + s.toPosition() + "|entries=" + entries
                + "|chain=" + chainHash + "|merkle=" + merkleRoot + "|issued=" + p.issued() + "|reversed=" + p.reversed()
                + "|redeemed=" + p.redeemed() + "|expired=" + p.expired() + "|other=" + p.other() + "|billing=" + s.billing()
                + "|prepaid_drawn=" + s.prepaidDrawn() + "|prepaid_shortfall=" + s.prepaidShortfall() + "|topup_minor="
                + s.topupMinor() + "|operator_gifts=" + g.operatorGifts() + "|operator_gift_points=" + g.operatorGiftPoints()
                + "|operator_gift_cost_minor=" + g.operatorGiftCostMinor() + "|merchant_gifts=" + g.merchantGifts()
                + "|merchant_gift_cost_minor=" + g.merchantGiftCostMinor() + "|owed_minor=" + s.owedMinor() + "|due_minor="
                + s.dueMinor() + "|net_minor=" + s.netMinor() + "|currency=" + s.currency();
    }

    /** Seals a just written statement: its chain hash, Merkle root, signed text and signature. */
    static void seal(Connection c, MerchantStatement s, SettlementPeriod period, StatementSigner signer) throws SQLException {
        MerchantSql sql = MerchantSql.on(c, s.merchant());
        List<String> leaves = leaves(sql, s.fromPosition(), s.toPosition());
        String chain = chainHashAt(sql, s.toPosition());
        String root = new MerkleTree(leaves).root();
        String text = signedText(s, period, chain, root, leaves.size());
        try (PreparedStatement ps = sql.prepare("UPDATE settlement_statement SET chain_hash = ?, merkle_root = ?, signed_text = ?, "
                + "signature = ? WHERE merchant_id = :merchant AND period_id = ?")) {
            ps.setString(1, chain);
            ps.setString(2, root);
            ps.setString(3, text);
            ps.setString(4, sign(signer, text));
            ps.setLong(5, s.periodId());
            ps.executeUpdate();
        }
    }

    static String sign(StatementSigner signer, String text) {
        return Base64.getEncoder().encodeToString(signer.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The period's signed checkpoint: a header line, then one line per merchant's statement. Written once. */
    static void checkpoint(Connection c, SettlementPeriod period, StatementSigner signer, LocalDateTime now) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT 1 FROM settlement_checkpoint WHERE period_id = ?")) {
            ps.setLong(1, period.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        StringBuilder text = new StringBuilder("loyalty-hub-checkpoint v1|period=" + period.id() + "|start="
                + period.startsAt() + "|end=" + period.end() + "\n");
        for (SignedRow row : StatementStore.sealsAcrossMerchants(c, period.id())) {
            text.append("merchant=").append(row.merchant()).append("|positions=").append(row.positions())
                    .append("|chain=").append(row.chainHash()).append("|merkle=").append(row.merkleRoot())
                    .append("|net_minor=").append(row.netMinor()).append('\n');
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO settlement_checkpoint (period_id, signed_text, "
                + "signature, signed_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, period.id());
            ps.setString(2, text.toString());
            ps.setString(3, sign(signer, text.toString()));
            ps.setObject(4, now);
            ps.executeUpdate();
        }
    }

    /** A statement's seal as the checkpoint lists it. */
    record SignedRow(long merchant, String positions, String chainHash, String merkleRoot, long netMinor) {
    }
}
