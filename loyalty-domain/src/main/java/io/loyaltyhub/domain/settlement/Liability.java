package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.expiry.PointsLots;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operator's liability and breakage figures (docs/settlement.md), now or as a closed period's close recorded them
 * ({@link PeriodLiability}): the points members hold, by the merchant
 * that issued them (what is left of each credit after redemptions and expiry took the oldest first, as the expiry
 * job counts them, docs/expiry.md; points the operator moved in count under "operator"); per month, the points that
 * expire then unless redeemed first; and the breakage expected of them, estimated with the coalition's history
 * (points expired out of points expired or redeemed so far), never booked as certain.
 */
public final class Liability {
    private static final String COALITION_HISTORY = "liability: the coalition's redeemed and expired points, every merchant's";
    private static final int ACCOUNTS_PER_CHUNK = 500;
    /** The issuer of points the operator moved into an account. */
    public static final long OPERATOR = 0;

    private final Database database;

    public Liability(Database database) {
        this.database = database;
    }

    /**
     * @param outstanding points held now, by issuing merchant id (0: the operator's)
     * @param expiring    points that expire per month unless redeemed first, by issuing merchant id
     * @param expiredSoFar points expired in the coalition's ledger so far
     * @param redeemedSoFar points redeemed so far (net of voided redemptions)
     */
    public record Figures(Map<Long, Long> outstanding, Map<Long, Map<YearMonth, Long>> expiring, long expiredSoFar,
                          long redeemedSoFar) {
        /** The breakage expected of {@code expiringPoints}: the share that expired, of what expired or was redeemed. */
        public long expectedBreakage(long expiringPoints) {
            long settled = expiredSoFar + redeemedSoFar;
            return settled == 0 ? 0 : Math.multiplyExact(expiringPoints, expiredSoFar) / settled;
        }
    }

    public Figures now() {
        return database.inJdbcTransaction("liability", c -> figures(c, null));
    }

    /**
     * The figures from what the ledger had booked before {@code before} (all of it when null), in the caller's
     * transaction: a closed period's liability is taken so at its close (docs/settlement.md).
     */
    static Figures figures(Connection c, LocalDateTime before) throws SQLException {
        Optional<ExpiryPolicy> policy = PointsExpiry.policy(c);
        Map<Long, Long> outstanding = new TreeMap<>();
        Map<Long, Map<YearMonth, Long>> expiring = new TreeMap<>();
        long after = Long.MIN_VALUE;
        for (List<Long> accounts = accountsAfter(c, after); !accounts.isEmpty(); accounts = accountsAfter(c, after)) {
            for (PointsLots lots : PointsExpiry.LotReader.read(c, accounts, before).values()) {
                for (PointsLots.Remaining r : lots.remaining()) {
                    long issuer = r.lot().merchantId() == null ? OPERATOR : r.lot().merchantId();
                    outstanding.merge(issuer, r.points(), Long::sum);
                    policy.ifPresent(p -> expiring.computeIfAbsent(issuer, i -> new TreeMap<>())
                            .merge(YearMonth.from(p.expiresAt(r.lot().creditedAt())), r.points(), Long::sum));
                }
            }
            after = accounts.get(accounts.size() - 1);
        }
        long[] history = history(c, before);
        return new Figures(outstanding, expiring, history[0], history[1]);
    }

    /** Today's figures as the operator reads them: each issuer's points valued at its price now. */
    public LiabilityStatement current() {
        return database.inJdbcTransaction("liability", c -> {
            ProgrammeTerms programme = SettlementTerms.programme(c).orElseThrow(SettlementTerms::noProgramme);
            return LiabilityStatement.of(null, null, figures(c, null), issuer -> issuePrice(c, programme, issuer), 0, 0,
                    programme.currency());
        });
    }

    /**
     * A closed period's figures as they were recorded at its close. Refused with {@code no-such-period},
     * {@code period-not-closed}, or {@code no-liability} for a period closed before the hub recorded liability.
     */
    public LiabilityStatement ofPeriod(long periodId) {
        return database.inJdbcTransaction("liability of period " + periodId, c -> PeriodLiability.read(c, periodId));
    }

    /** The issue price of a merchant's points (the programme's for the operator's), in the caller's transaction. */
    static long issuePrice(Connection c, ProgrammeTerms programme, long issuer) throws SQLException {
        return issuer == OPERATOR ? programme.issuePriceMinor()
                : SettlementTerms.termsOf(io.loyaltyhub.domain.persistence.MerchantSql.on(c, new MerchantId(issuer)))
                .issuePrice(programme);
    }

    private static List<Long> accountsAfter(Connection c, long after) throws SQLException {
        List<Long> accounts = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM member_account WHERE id > ? ORDER BY id LIMIT "
                + ACCOUNTS_PER_CHUNK)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.add(rs.getLong(1));
                }
            }
        }
        return accounts;
    }

    /** {points expired, points redeemed net of voided redemptions} over the ledger booked before {@code before}. */
    private static long[] history(Connection c, LocalDateTime before) throws SQLException {
        try (PreparedStatement ps = AcrossMerchants.on(c, COALITION_HISTORY).prepare("SELECT "
                + "COALESCE(-SUM(CASE WHEN e.entry_type = 'EXPIRE' THEN e.points ELSE 0 END), 0), "
                + "COALESCE(-SUM(CASE WHEN e.entry_type = 'REDEEM' OR o.kind = 'REDEEM' THEN e.points ELSE 0 END), 0) "
                + "FROM ledger_entry e LEFT JOIN purchase p ON p.id = e.purchase_id AND p.merchant_id = e.merchant_id "
                + "LEFT JOIN purchase o ON o.id = p.original_id AND o.merchant_id = p.merchant_id "
                + "AND e.entry_type IN ('VOID', 'REVERSAL')" + (before == null ? "" : " WHERE e.created_at < ?"))) {
            if (before != null) {
                ps.setObject(1, before);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
