package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A merchant's earn rates by currency code; a currency with no rate is not accepted by that merchant. */
final class EarnRuleStore {

    Map<String, EarnRate> ratesOf(Connection c, MerchantId merchant) throws SQLException {
        Map<String, EarnRate> rates = new HashMap<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                "SELECT currency, points, per_minor_units FROM earn_rule WHERE merchant_id = :merchant")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rates.put(rs.getString(1), new EarnRate(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return rates;
    }
}
