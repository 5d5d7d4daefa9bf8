package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.txn.LineItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tries a campaign before it is switched on (docs/rewards.md, "Dry run"): over one merchant's approved sales of a period
 * (last month, say), what the campaign would have added on top of the base points each sale earned. Reads only; changes
 * nothing. The base of each sale is what its rate credited (its {@code rate:} rule rows; for a sale credited before rules
 * were recorded, its points).
 */
public final class EarnRuleDryRun {
    private final Database database;

    public EarnRuleDryRun(Database database) {
        this.database = database;
    }

    /** What the campaign would have credited: sales looked at, sales it would have given extra points, those points. */
    public record Result(long sales, long matched, long extraPoints) {
    }

    /** The largest base an earn rate can carry: a sale credited more is left out of the dry run (none is, in practice). */
    private static final long MAX_BASE = 1_000_000;

    public Result wouldHaveCredited(MerchantId merchant, Campaign candidate, LocalDateTime from, LocalDateTime until) {
        return database.inJdbcTransaction("dry run of campaign " + candidate.code(), c -> {
            Map<Long, Sale> sales = sales(c, merchant, from, until);
            lines(c, merchant, from, until, sales);
            long matched = 0;
            long extra = 0;
            for (Sale sale : sales.values()) {
                // The sale's own rate is not at hand, the points it credited are: as a rate of base points per its amount,
                // its lines' base points come out in proportion to their amounts, rounded down, as the engine takes them.
                if (sale.base > MAX_BASE) {
                    continue;
                }
                EarnRateVersion asCredited = new EarnRateVersion(0, sale.currency, new EarnRate(sale.base, sale.amount), null);
                long added = EarnCalculator.total(EarnCalculator.parts(asCredited, sale.amount, sale.lines, sale.store, sale.at,
                        List.of(candidate), null)) - sale.base;
                if (added > 0) {
                    matched++;
                    extra += added;
                }
            }
            return new Result(sales.size(), matched, extra);
        });
    }

    private static final class Sale {
        final StoreId store;
        final LocalDateTime at;
        final long amount;
        final String currency;
        long base;
        final List<LineItem> lines = new ArrayList<>();

        Sale(StoreId store, LocalDateTime at, long amount, String currency, long base) {
            this.store = store;
            this.at = at;
            this.amount = amount;
            this.currency = currency;
            this.base = base;
        }
    }

    private static Map<Long, Sale> sales(Connection c, MerchantId merchant, LocalDateTime from, LocalDateTime until)
            throws SQLException {
        Map<Long, Sale> sales = new HashMap<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT p.id, p.store_id, p.occurred_at, p.amount_minor, "
                + "p.currency, p.points, (SELECT SUM(r.points) FROM earn_credit_rule r WHERE r.merchant_id = p.merchant_id "
                + "AND r.purchase_id = p.id AND r.rule LIKE 'rate:%') FROM purchase p WHERE p.merchant_id = :merchant "
                + "AND p.kind = 'SALE' AND p.result = 'APPROVED' AND p.occurred_at >= ? AND p.occurred_at < ?")) {
            ps.setObject(1, from);
            ps.setObject(2, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long base = rs.getLong(7);
                    if (rs.wasNull()) {
                        base = rs.getLong(6);
                    }
                    sales.put(rs.getLong(1), new Sale(new StoreId(rs.getLong(2)), rs.getObject(3, LocalDateTime.class),
                            rs.getLong(4), rs.getString(5), base));
                }
            }
        }
        return sales;
    }

    private static void lines(Connection c, MerchantId merchant, LocalDateTime from, LocalDateTime until, Map<Long, Sale> sales)
            throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT l.purchase_id, l.sku, l.category, l.quantity, "
                + "l.amount_minor FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id AND p.merchant_id = l.merchant_id "
                + "WHERE l.merchant_id = :merchant AND p.kind = 'SALE' AND p.occurred_at >= ? AND p.occurred_at < ?")) {
            ps.setObject(1, from);
            ps.setObject(2, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Sale sale = sales.get(rs.getLong(1));
                    if (sale != null) {
                        sale.lines.add(new LineItem(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5)));
                    }
                }
            }
        }
    }
}
