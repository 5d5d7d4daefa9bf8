package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The programme's tiers (docs/rewards.md, "Tiers") and the job that puts each member in one: the spend of every account
 * across the coalition over the trailing 12 months (approved sales, less what was refunded, voids excluded), in each
 * tier's currency; the highest tier reached. The job replaces the whole assignment in one transaction, so running it
 * again on the same data gives the same tiers (safe to rerun, e.g. daily).
 */
public final class Tiers {
    /** Why the tier job reads purchases across merchants. */
    static final String TIER_JOB = "tier job: each member's spend across the coalition over the trailing 12 months";

    private final Database database;
    private final Clock clock;

    public Tiers(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Adds the tier, or replaces the one with its code. */
    public void define(Tier tier) {
        database.inJdbcTransaction("defining tier " + tier.code(), c -> {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("DELETE FROM tier WHERE code = ?")) {
                ps.setString(1, tier.code());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO tier (code, name, currency, min_spend_minor, "
                    + "multiplier_percent, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, tier.code());
                ps.setString(2, tier.name());
                ps.setString(3, tier.currency());
                ps.setLong(4, tier.minSpendMinor());
                ps.setLong(5, tier.multiplierPercent());
                ps.setObject(6, now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<Tier> list() {
        return database.inJdbcTransaction("listing tiers", Tiers::all);
    }

    /** How many members each tier holds as the job last found them (a tier nobody reached is left out). */
    public Map<String, Long> memberCounts() {
        return database.inJdbcTransaction("counting tier members", c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "SELECT tier_code, COUNT(*) FROM account_tier GROUP BY tier_code ORDER BY tier_code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** Puts every member in the tier their trailing 12-month spend reaches. @return members per tier code */
    public Map<String, Long> recompute() {
        LocalDateTime now = now();
        return database.inJdbcTransaction("recomputing tiers", c -> {
            List<Tier> tiers = all(c);
            Map<Long, Tier> reached = new LinkedHashMap<>();
            Map<Long, Long> spendOf = new LinkedHashMap<>();
            for (Tier tier : tiers) {
                for (Map.Entry<Long, Long> e : spend(c, tier.currency(), now.minusMonths(12), now).entrySet()) {
                    Tier best = reached.get(e.getKey());
                    if (e.getValue() >= tier.minSpendMinor()
                            && (best == null || tier.multiplierPercent() > best.multiplierPercent())) {
                        reached.put(e.getKey(), tier);
                        spendOf.put(e.getKey(), e.getValue());
                    }
                }
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("DELETE FROM account_tier")) {
                ps.executeUpdate();
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            tiers.forEach(t -> counts.put(t.code(), 0L));
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "INSERT INTO account_tier (account_id, tier_code, spend_minor, computed_at) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Long, Tier> e : reached.entrySet()) {
                    ps.setLong(1, e.getKey());
                    ps.setString(2, e.getValue().code());
                    ps.setLong(3, spendOf.get(e.getKey()));
                    ps.setObject(4, now);
                    ps.addBatch();
                    counts.merge(e.getValue().code(), 1L, Long::sum);
                }
                ps.executeBatch();
            }
            return counts;
        });
    }

    /** The tier of one account as the job last found it, in the caller's transaction; null for none. */
    public static Tier of(Connection c, long accountId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT t.code, t.name, t.currency, t.min_spend_minor, "
                + "t.multiplier_percent FROM account_tier a JOIN tier t ON t.code = a.tier_code WHERE a.account_id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /** Whether the programme has any tier (the engine asks once per batch, and looks no further when it has none). */
    public static boolean any(Connection c) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT COUNT(*) FROM tier"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static List<Tier> all(Connection c) throws SQLException {
        List<Tier> tiers = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT code, name, currency, min_spend_minor, multiplier_percent "
                + "FROM tier ORDER BY min_spend_minor");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tiers.add(read(rs));
            }
        }
        return tiers;
    }

    private static Tier read(ResultSet rs) throws SQLException {
        return new Tier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
    }

    private static Map<Long, Long> spend(Connection c, String currency, LocalDateTime from, LocalDateTime until)
            throws SQLException {
        Map<Long, Long> spend = new LinkedHashMap<>();
        try (PreparedStatement ps = AcrossMerchants.on(c, TIER_JOB).prepare("SELECT account_id, SUM(amount_minor - amount_refunded) "
                + "FROM purchase WHERE kind = 'SALE' AND result = 'APPROVED' AND voided = 0 AND account_id IS NOT NULL "
                + "AND currency = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY account_id ORDER BY account_id")) {
            ps.setString(1, currency);
            ps.setObject(2, from);
            ps.setObject(3, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    spend.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return spend;
    }

    private LocalDateTime now() {
        return database.now(clock);
    }
}
