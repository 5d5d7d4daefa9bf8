package io.loyaltyhub.domain.reward;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programme's value of a point per currency (docs/rewards.md, "Paying with points"), set by the operator and read by
 * the engine; and the payments with points the engine recorded, which keep what they covered whatever the value later.
 */
public final class PointValues {
    private final Database database;
    private final Clock clock;

    public PointValues(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Sets (or replaces) the value of a point in its currency: it holds from the next transaction. */
    public void set(PointValue value) {
        database.inJdbcTransaction("setting the value of a point in " + value.currency(), c -> {
            int updated;
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "UPDATE point_value SET points = ?, minor_units = ?, updated_at = ? WHERE currency = ?")) {
                bind(ps, value);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                        "INSERT INTO point_value (points, minor_units, updated_at, currency) VALUES (?, ?, ?, ?)")) {
                    bind(ps, value);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private void bind(PreparedStatement ps, PointValue value) throws SQLException {
        ps.setLong(1, value.points());
        ps.setLong(2, value.minorUnits());
        ps.setObject(3, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        ps.setString(4, value.currency());
    }

    public List<PointValue> list() {
        return database.inJdbcTransaction("listing point values", c -> {
            List<PointValue> values = new ArrayList<>();
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "SELECT currency, points, minor_units FROM point_value ORDER BY currency");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(new PointValue(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return values;
        });
    }

    /** The value of a point in this currency, in the caller's transaction; empty when points do not pay in it. */
    public static Optional<PointValue> in(Connection c, String currency) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT currency, points, minor_units FROM point_value WHERE currency = ?")) {
            ps.setString(1, currency);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PointValue(rs.getString(1), rs.getLong(2), rs.getLong(3))) : Optional.empty();
            }
        }
    }

    /** Records what a till's payment with points covered, in the engine's transaction. */
    public static void recordPayment(Connection c, MerchantId merchant, long purchaseId, long points, long covered,
                                     String currency, LocalDateTime at) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("INSERT INTO points_payment (merchant_id, purchase_id, "
                + "points, covered_minor, currency, created_at) VALUES (:merchant, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, purchaseId);
            ps.setLong(2, points);
            ps.setLong(3, covered);
            ps.setString(4, currency);
            ps.setObject(5, at);
            ps.executeUpdate();
        }
    }

    /** What the payment with points recorded under this purchase covered; 0 when there is none. */
    public static long coveredBy(Connection c, MerchantId merchant, long purchaseId) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                "SELECT covered_minor FROM points_payment WHERE merchant_id = :merchant AND purchase_id = ?")) {
            ps.setLong(1, purchaseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
