package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator schedules a merchant's new earn rate from a moment on (docs/rewards.md): versions are only added, and
 * never from a moment already past, so no transaction that already happened — credited, or still on its way from an
 * offline till — changes rate after the fact.
 */
public final class EarnRateSchedule {
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public EarnRateSchedule(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException for a moment in the past, an unknown currency, or a second version at the same moment */
    public EarnRateVersion schedule(MerchantId merchant, String currency, EarnRate rate, Instant from) {
        Money.currencyOf(currency);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDateTime effective = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
        if (effective.isBefore(now)) {
            throw new IllegalArgumentException("a new earn rate cannot hold from a moment already past (" + from
                    + "): transactions of that time may already be credited");
        }
        long id = ids.nextId();
        return database.inJdbcTransaction("scheduling an earn rate", c -> {
            for (EarnRateVersion v : list(c, merchant)) {
                if (v.currency().equals(currency) && v.effectiveFrom().equals(effective)) {
                    throw new IllegalArgumentException("an earn rate in " + currency + " already holds from " + from);
                }
            }
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("INSERT INTO earn_rate_version (id, merchant_id, "
                    + "currency, points, per_minor_units, effective_from, created_at) VALUES (?, :merchant, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, currency);
                ps.setLong(3, rate.points());
                ps.setLong(4, rate.perMinorUnits());
                ps.setObject(5, effective);
                ps.setObject(6, now);
                ps.executeUpdate();
            }
            return new EarnRateVersion(id, currency, rate, effective);
        });
    }

    public List<EarnRateVersion> versions(MerchantId merchant) {
        return database.inJdbcTransaction("listing earn rates", c -> list(c, merchant));
    }

    private static List<EarnRateVersion> list(java.sql.Connection c, MerchantId merchant) throws java.sql.SQLException {
        List<EarnRateVersion> found = new ArrayList<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT id, currency, points, per_minor_units, "
                + "effective_from FROM earn_rate_version WHERE merchant_id = :merchant ORDER BY currency, effective_from");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new EarnRateVersion(rs.getLong(1), rs.getString(2), new EarnRate(rs.getLong(3), rs.getLong(4)),
                        rs.getObject(5, LocalDateTime.class)));
            }
        }
        return found;
    }

    /** The rules recorded for a purchase's credit (what {@code earn_credit_rule} holds), as "rule=points". */
    public List<String> rulesOf(MerchantId merchant, long purchaseId) {
        return database.inJdbcTransaction("reading a credit's rules", c -> {
            List<String> rules = new ArrayList<>();
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT rule, points FROM earn_credit_rule "
                    + "WHERE merchant_id = :merchant AND purchase_id = ? ORDER BY rule")) {
                ps.setLong(1, purchaseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rules.add(rs.getString(1) + "=" + rs.getLong(2));
                    }
                }
            }
            return rules;
        });
    }
}
