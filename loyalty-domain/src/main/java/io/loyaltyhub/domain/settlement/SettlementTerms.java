package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/** The programme's and the merchants' money per point, and prepaid top-ups (docs/settlement.md). */
public final class SettlementTerms {
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public SettlementTerms(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Sets the programme's terms. The first time, the first settlement period opens; a new period kind applies from the
     * next period.
     */
    public void setProgramme(ProgrammeTerms terms) {
        database.inJdbcTransaction("settlement terms", c -> {
            int updated;
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE settlement_programme_terms SET currency = ?, "
                    + "issue_price_minor = ?, redeem_value_minor = ?, period_kind = ?, updated_at = ? WHERE id = 1")) {
                bindProgramme(ps, terms);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO settlement_programme_terms (currency, "
                        + "issue_price_minor, redeem_value_minor, period_kind, updated_at, id) VALUES (?, ?, ?, ?, ?, 1)")) {
                    bindProgramme(ps, terms);
                    ps.executeUpdate();
                }
            }
            if (SettlementPeriods.lockUnclosed(c).isEmpty()) {
                SettlementPeriods.openFirst(c, ids.nextId(), terms.periodKind(), now());
            }
            return null;
        });
    }

    private void bindProgramme(PreparedStatement ps, ProgrammeTerms terms) throws SQLException {
        ps.setString(1, terms.currency());
        ps.setLong(2, terms.issuePriceMinor());
        ps.setLong(3, terms.redeemValueMinor());
        ps.setString(4, terms.periodKind().name());
        ps.setObject(5, now());
    }

    public Optional<ProgrammeTerms> programme() {
        return database.inJdbcTransaction("settlement terms", SettlementTerms::programme);
    }

    static Optional<ProgrammeTerms> programme(Connection c) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT currency, issue_price_minor, redeem_value_minor, "
                + "period_kind FROM settlement_programme_terms WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new ProgrammeTerms(rs.getString(1), rs.getLong(2), rs.getLong(3),
                    PeriodKind.valueOf(rs.getString(4)))) : Optional.empty();
        }
    }

    /** Sets the merchant's prices and billing; its prepaid points are kept. */
    public void setMerchant(MerchantId merchant, Long issuePriceMinor, Long redeemValueMinor, Billing billing) {
        MerchantTerms terms = new MerchantTerms(issuePriceMinor, redeemValueMinor, billing, 0);
        database.inJdbcTransaction("settlement terms of merchant " + merchant, c -> {
            MerchantSql sql = MerchantSql.on(c, merchant);
            lock(sql, now());
            try (PreparedStatement ps = sql.prepare("UPDATE settlement_merchant_terms SET issue_price_minor = ?, "
                    + "redeem_value_minor = ?, billing = ?, updated_at = ? WHERE merchant_id = :merchant")) {
                ps.setObject(1, terms.issuePriceMinor());
                ps.setObject(2, terms.redeemValueMinor());
                ps.setString(3, terms.billing().name());
                ps.setObject(4, now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public MerchantTerms merchant(MerchantId merchant) {
        return database.inJdbcTransaction("settlement terms of merchant " + merchant,
                c -> read(MerchantSql.on(c, merchant), false).orElse(MerchantTerms.PROGRAMME_DEFAULT));
    }

    /**
     * Adds prepaid points for a PREPAID merchant, billed at its issue price on the statement of the period its next
     * close falls in. Refused with {@code topup-not-positive} or {@code merchant-not-prepaid}.
     *
     * @return the merchant's prepaid points after the top-up
     */
    public long topUp(MerchantId merchant, long points) {
        if (points <= 0) {
            throw new SettlementRefused("topup-not-positive", "a top-up adds a positive number of points, not " + points);
        }
        return database.inJdbcTransaction("prepaid top-up of merchant " + merchant, c -> {
            MerchantSql sql = MerchantSql.on(c, merchant);
            MerchantTerms terms = lock(sql, now());
            if (terms.billing() != Billing.PREPAID) {
                throw new SettlementRefused("merchant-not-prepaid", "merchant " + merchant + " is post-paid: set its "
                        + "billing to prepaid first");
            }
            ProgrammeTerms programme = programme(c).orElseThrow(SettlementTerms::noProgramme);
            try (PreparedStatement ps = sql.prepare("UPDATE settlement_merchant_terms SET prepaid_points = prepaid_points + ? "
                    + "WHERE merchant_id = :merchant")) {
                ps.setLong(1, points);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = sql.prepare("INSERT INTO prepaid_topup (id, merchant_id, points, amount_minor, "
                    + "created_at, period_id) VALUES (?, :merchant, ?, ?, ?, NULL)")) {
                ps.setLong(1, ids.nextId());
                ps.setLong(2, points);
                ps.setLong(3, Math.multiplyExact(points, terms.issuePrice(programme)));
                ps.setObject(4, now());
                ps.executeUpdate();
            }
            return terms.prepaidPoints() + points;
        });
    }

    static SettlementRefused noProgramme() {
        return new SettlementRefused("no-settlement-terms", "the programme has no settlement terms: run settlement-terms first");
    }

    /** The merchant's terms row, locked; created with the programme's defaults when it has none yet. */
    static MerchantTerms lock(MerchantSql sql, LocalDateTime now) throws SQLException {
        Optional<MerchantTerms> terms = read(sql, true);
        if (terms.isPresent()) {
            return terms.get();
        }
        try (PreparedStatement ps = sql.prepare("INSERT INTO settlement_merchant_terms (merchant_id, issue_price_minor, "
                + "redeem_value_minor, billing, prepaid_points, updated_at) VALUES (:merchant, NULL, NULL, 'POST_PAID', 0, ?)")) {
            ps.setObject(1, now);
            ps.executeUpdate();
        }
        return read(sql, true).orElseThrow();
    }

    /** The merchant's terms as they stand (the programme's defaults when it has none), in the caller's transaction. */
    static MerchantTerms termsOf(MerchantSql sql) throws SQLException {
        return read(sql, false).orElse(MerchantTerms.PROGRAMME_DEFAULT);
    }

    private static Optional<MerchantTerms> read(MerchantSql sql, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT issue_price_minor, redeem_value_minor, billing, prepaid_points "
                + "FROM settlement_merchant_terms WHERE merchant_id = :merchant" + (forUpdate ? " FOR UPDATE" : ""));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new MerchantTerms(rs.getObject(1, Long.class), rs.getObject(2, Long.class),
                    Billing.valueOf(rs.getString(3)), rs.getLong(4)));
        }
    }

    private LocalDateTime now() {
        return database.now(clock);
    }
}
