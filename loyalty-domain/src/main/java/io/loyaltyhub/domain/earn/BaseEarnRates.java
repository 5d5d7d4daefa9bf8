package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * A merchant's base earn rates by currency (its {@code earn_rule} rows, as {@code merchant-add} set them), for the
 * operator to read beside the versions scheduled after them ({@link EarnRateSchedule}).
 */
public final class BaseEarnRates {
    private final Database database;

    public BaseEarnRates(Database database) {
        this.database = database;
    }

    /** By currency code, in code order. */
    public Map<String, EarnRate> of(MerchantId merchant) {
        return database.inJdbcTransaction("reading base earn rates", c -> {
            Map<String, EarnRate> rates = new TreeMap<>();
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                    "SELECT currency, points, per_minor_units FROM earn_rule WHERE merchant_id = :merchant");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rates.put(rs.getString(1), new EarnRate(rs.getLong(2), rs.getLong(3)));
                }
            }
            return rates;
        });
    }
}
