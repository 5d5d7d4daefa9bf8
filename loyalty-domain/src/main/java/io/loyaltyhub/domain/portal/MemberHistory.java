package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.expiry.PointsLots;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a signed-in shopper sees of her own account: the balance and the points moved, with the name of the merchant
 * where each happened — never another account's entries, nor anything of a merchant but its name.
 */
public final class MemberHistory {
    /** At most this many entries are shown, newest first. */
    public static final int MAX_ENTRIES = 200;

    /**
     * One move of points: when the purchase happened (UTC), at which merchant (its name), what kind ({@code EARN},
     * {@code REDEEM}, …), how many.
     */
    public record Entry(LocalDateTime at, String merchant, String kind, long points) {
    }

    private final Database database;

    public MemberHistory(Database database) {
        this.database = database;
    }

    public Optional<Long> balance(long accountId) {
        try (Connection c = database.connection();
             PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT balance FROM member_account WHERE id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Long> balance = rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                c.rollback();
                return balance;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The points of the account that expire next and on which day (docs/expiry.md), or empty when the programme has no
     * expiry rule or nothing is left to expire. The same reading as a balance inquiry's answer.
     */
    public Optional<PointsLots.NextExpiry> nextExpiry(long accountId) {
        try (Connection c = database.connection()) {
            Optional<PointsLots.NextExpiry> next = Optional.empty();
            Optional<ExpiryPolicy> policy = PointsExpiry.policy(c);
            if (policy.isPresent()) {
                PointsLots lots = PointsExpiry.LotReader.read(c, List.of(accountId)).get(accountId);
                next = lots == null ? Optional.empty() : Optional.ofNullable(lots.next(policy.get()));
            }
            c.rollback();
            return next;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The account's ledger entries at every merchant, newest first (at most {@link #MAX_ENTRIES}). */
    public List<Entry> entries(long accountId) {
        try (Connection c = database.connection(); PreparedStatement ps = AcrossMerchants.on(c,
                        "a member's own points history: her account's entries at every merchant she shopped at")
                .prepare("SELECT p.occurred_at, m.name, l.entry_type, l.points FROM ledger_entry l "
                        + "JOIN purchase p ON p.id = l.purchase_id AND p.merchant_id = l.merchant_id "
                        + "JOIN merchant m ON m.id = l.merchant_id WHERE l.account_id = ? "
                        + "ORDER BY p.occurred_at DESC, l.id DESC")) {
            ps.setLong(1, accountId);
            ps.setMaxRows(MAX_ENTRIES);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            c.rollback();
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
