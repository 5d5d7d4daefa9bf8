package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading statements: a merchant its own, the operator every merchant's and the coalition's positions. */
public final class SettlementStatements {
    private final Database database;

    public SettlementStatements(Database database) {
        this.database = database;
    }

    public List<SettlementPeriod> periods() {
        return database.inJdbcTransaction("settlement periods", SettlementPeriods::all);
    }

    /**
     * The merchant's statement of a closed period. Refused with {@code no-such-period} or {@code period-not-closed}
     * (a period still open or closing has no final statement).
     */
    public MerchantStatement forMerchant(MerchantId merchant, long periodId) {
        return database.inJdbcTransaction("statement of merchant " + merchant, c -> {
            closed(c, periodId);
            return StatementStore.find(MerchantSql.on(c, merchant), periodId).orElseThrow(() -> new SettlementRefused(
                    "no-statement", "merchant " + merchant + " has no statement for period " + periodId
                    + " (it joined after the period closed)"));
        });
    }

    /** Every merchant's statement of a closed period: the operator's view. */
    public List<MerchantStatement> acrossMerchants(long periodId) {
        return database.inJdbcTransaction("statements of period " + periodId, c -> {
            closed(c, periodId);
            return StatementStore.acrossMerchants(c, periodId);
        });
    }

    /** Each party's position in the period ("merchant:ID" and "operator"), from the postings: they sum to zero. */
    public Map<String, Long> positions(long periodId) {
        return database.inJdbcTransaction("positions of period " + periodId, c -> {
            Map<String, Long> positions = new TreeMap<>();
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT party, SUM(amount_minor) FROM settlement_posting "
                    + "WHERE period_id = ? GROUP BY party")) {
                ps.setLong(1, periodId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        positions.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return positions;
        });
    }

    /** The period's signed checkpoint (the operator's): one line per merchant's chain at the cut. */
    public StatementEvidence.Signed checkpoint(long periodId) {
        return database.inJdbcTransaction("checkpoint of period " + periodId, c -> {
            closed(c, periodId);
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT signed_text, signature FROM settlement_checkpoint "
                    + "WHERE period_id = ?")) {
                ps.setLong(1, periodId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SettlementRefused("no-checkpoint", "period " + periodId + " has no checkpoint");
                    }
                    return new StatementEvidence.Signed(rs.getString(1), rs.getString(2));
                }
            }
        });
    }

    static SettlementPeriod closed(java.sql.Connection c, long periodId) throws java.sql.SQLException {
        SettlementPeriod period = SettlementPeriods.byId(c, periodId).orElseThrow(() -> new SettlementRefused(
                "no-such-period", "there is no settlement period " + periodId));
        if (period.status() != SettlementPeriod.Status.CLOSED) {
            throw new SettlementRefused("period-not-closed", period + " is not closed yet: its statements are not final");
        }
        return period;
    }
}
