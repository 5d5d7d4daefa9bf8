package io.loyaltyhub.domain.admin;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's limits (docs/limits.md): one set for the whole programme and one per merchant, and the list of
 * transactions they declined. The engine reads the limits in every batch, so a change holds from the next batch.
 */
public final class TransactionLimitSettings {
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public TransactionLimitSettings(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /** Each value null = no such limit. */
    public record Limits(Long maxAmountMinor, Long swipesPerCardHour, Long redeemedPerCardDay, Long txnsPerTerminalMinute) {
        public Limits {
            for (Long v : new Long[] {maxAmountMinor, swipesPerCardHour, redeemedPerCardDay, txnsPerTerminalMinute}) {
                if (v != null && v < 0) {
                    throw new IllegalArgumentException("a limit cannot be negative");
                }
            }
        }
    }

    /** @param merchant null for the whole programme */
    public record Scoped(MerchantId merchant, Limits limits) {
    }

    public record Refusal(LocalDateTime refusedAt, String terminalCode, String txnRef, String kind, String last4, long amountMinor,
                          String currency, long points, String result, long limit) {
        /** The refusal's stable code, as the till was told it ({@code AMOUNT_OVER_LIMIT} → {@code amount-over-limit}). */
        public String resultCode() {
            return result.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Replaces the limits of the programme (merchant null) or of one merchant: what is null is no limit. */
    public void set(MerchantId merchant, Limits limits) {
        String scope = merchant == null ? "programme" : "merchant:" + merchant.value();
        inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE transaction_limit SET max_amount_minor = ?, "
                    + "max_swipes_per_card_hour = ?, max_redeemed_per_card_day = ?, max_txns_per_terminal_minute = ?, "
                    + "updated_at = ? WHERE scope = ?")) {
                bind(ps, limits);
                ps.setString(6, scope);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO transaction_limit (max_amount_minor, "
                        + "max_swipes_per_card_hour, max_redeemed_per_card_day, max_txns_per_terminal_minute, updated_at, "
                        + "scope, merchant_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ps, limits);
                    ps.setString(6, scope);
                    ps.setObject(7, merchant == null ? null : merchant.value());
                    ps.setLong(8, ids.nextId());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private void bind(PreparedStatement ps, Limits limits) throws SQLException {
        ps.setObject(1, limits.maxAmountMinor());
        ps.setObject(2, limits.swipesPerCardHour());
        ps.setObject(3, limits.redeemedPerCardDay());
        ps.setObject(4, limits.txnsPerTerminalMinute());
        ps.setObject(5, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Every set of limits: the programme's first (merchant null), then each merchant's. */
    public List<Scoped> all() {
        return inTransaction(c -> {
            List<Scoped> all = new ArrayList<>();
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT merchant_id, max_amount_minor, "
                    + "max_swipes_per_card_hour, max_redeemed_per_card_day, max_txns_per_terminal_minute FROM transaction_limit "
                    + "ORDER BY merchant_id IS NULL DESC, merchant_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long merchant = rs.getLong(1);
                    MerchantId id = rs.wasNull() ? null : new MerchantId(merchant);
                    all.add(new Scoped(id, new Limits(value(rs, 2), value(rs, 3), value(rs, 4), value(rs, 5))));
                }
            }
            return all;
        });
    }

    /** The newest transactions a limit declined at this merchant. */
    public List<Refusal> refusals(MerchantId merchant, int limit) {
        return inTransaction(c -> {
            List<Refusal> refusals = new ArrayList<>();
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT r.refused_at, t.code, r.txn_ref, r.kind, "
                    + "r.last4, r.amount_minor, r.currency, r.points, r.result, r.limit_value FROM limit_refusal r "
                    + "JOIN terminal t ON t.id = r.terminal_id AND t.merchant_id = :merchant WHERE r.merchant_id = :merchant "
                    + "ORDER BY r.refused_at DESC, r.id DESC")) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refusals.add(new Refusal(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8),
                                rs.getString(9), rs.getLong(10)));
                    }
                }
            }
            return refusals;
        });
    }

    private static Long value(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private <T> T inTransaction(Database.JdbcWork<T> work) {
        return database.inJdbcTransaction("cannot read or write limits", work);
    }
}
