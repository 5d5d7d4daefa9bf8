package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One merchant's earn rate versions (docs/rewards.md, "Earn rates over time"), read once per engine batch: which rate a
 * transaction earns at is decided by when it happened, not when it arrived. Before a currency's first version, the
 * merchant's base rate holds.
 */
public final class EarnRateVersions {
    private final List<EarnRateVersion> versions;

    private EarnRateVersions(List<EarnRateVersion> versions) {
        this.versions = versions;
    }

    /** The merchant's versions, in the caller's transaction. */
    public static EarnRateVersions of(Connection c, MerchantId merchant) throws SQLException {
        List<EarnRateVersion> found = new ArrayList<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT id, currency, points, per_minor_units, "
                + "effective_from FROM earn_rate_version WHERE merchant_id = :merchant ORDER BY effective_from")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new EarnRateVersion(rs.getLong(1), rs.getString(2), new EarnRate(rs.getLong(3), rs.getLong(4)),
                            rs.getObject(5, LocalDateTime.class)));
                }
            }
        }
        return new EarnRateVersions(found);
    }

    /**
     * The rate a transaction in this currency that happened at {@code occurredAt} earns at: the latest version in force
     * then, else the base rate ({@code baseRates}, by currency; null when the merchant takes no such currency).
     */
    public EarnRateVersion at(String currency, OffsetDateTime occurredAt, Map<String, EarnRate> baseRates) {
        LocalDateTime when = occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        EarnRateVersion inForce = null;
        for (EarnRateVersion v : versions) {
            if (v.currency().equals(currency) && !v.effectiveFrom().isAfter(when)) {
                inForce = v;
            }
        }
        if (inForce != null) {
            return inForce;
        }
        EarnRate base = baseRates.get(currency);
        return base == null ? null : new EarnRateVersion(0, currency, base, null);
    }
}
