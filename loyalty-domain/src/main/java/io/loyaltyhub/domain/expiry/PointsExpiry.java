package io.loyaltyhub.domain.expiry;

import io.loyaltyhub.domain.ledger.ChainedEntry;
import io.loyaltyhub.domain.ledger.LedgerChain;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The programme's expiry rule and the expiry job (docs/expiry.md). The job finds the accounts with credits old
 * enough to have expired, and expires, per account, what is left of those lots (oldest first, see {@link PointsLots}):
 * an EXPIRE ledger entry at the merchant each lot was earned at (for the merchants' points report), or an EXPIRE
 * account_move for points the operator moved in. It works through the accounts in chunks, each chunk one database
 * transaction with its accounts locked as the engine locks them; stopped at any moment it has expired whole chunks,
 * and run again it expires only what is still due — nothing twice.
 */
public final class PointsExpiry {
    /** Why the job reads and writes the ledger across merchants. */
    static final String EXPIRY_JOB = "expiry job: an account's lots are its credits at every merchant, and each expired "
            + "lot's entry carries the merchant it was earned at";
    private static final int ACCOUNTS_PER_CHUNK = 200;

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public PointsExpiry(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    public record Result(int accountsLooked, int accountsExpired, long pointsExpired) {
    }

    public Optional<ExpiryPolicy> policy() {
        return inTransaction(c -> policy(c));
    }

    /** The rule, read in the caller's transaction (the engine's, for balance answers). */
    public static Optional<ExpiryPolicy> policy(Connection c) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT rule, months FROM points_expiry_policy WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new ExpiryPolicy(ExpiryPolicy.Rule.valueOf(rs.getString(1)), rs.getInt(2)))
                    : Optional.empty();
        }
    }

    /** Sets the rule (empty: points never expire). */
    public void setPolicy(Optional<ExpiryPolicy> policy) {
        inTransaction(c -> {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("DELETE FROM points_expiry_policy WHERE id = 1")) {
                ps.executeUpdate();
            }
            if (policy.isPresent()) {
                try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                        "INSERT INTO points_expiry_policy (id, rule, months, updated_at) VALUES (1, ?, ?, ?)")) {
                    ps.setString(1, policy.get().rule().name());
                    ps.setInt(2, policy.get().months());
                    ps.setObject(3, now());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Expires what is due now. */
    public Result run(Consumer<String> progress) {
        LocalDateTime now = now();
        Optional<ExpiryPolicy> policy = policy();
        if (policy.isEmpty()) {
            progress.accept("no expiry rule is set: points never expire");
            return new Result(0, 0, 0);
        }
        List<Long> candidates = inTransaction(c -> candidates(c, policy.get().creditedBefore(now)));
        progress.accept(candidates.size() + " account(s) hold credits from before "
                + policy.get().creditedBefore(now) + " (" + policy.get() + ")");
        int expiredAccounts = 0;
        long expiredPoints = 0;
        for (int from = 0; from < candidates.size(); from += ACCOUNTS_PER_CHUNK) {
            List<Long> chunk = candidates.subList(from, Math.min(candidates.size(), from + ACCOUNTS_PER_CHUNK));
            long[] done = inTransaction(c -> expireChunk(c, chunk, policy.get(), now));
            expiredAccounts += (int) done[0];
            expiredPoints += done[1];
        }
        progress.accept(expiredPoints + " point(s) expired on " + expiredAccounts + " account(s)");
        return new Result(candidates.size(), expiredAccounts, expiredPoints);
    }

    private static List<Long> candidates(Connection c, LocalDateTime creditedBefore) throws SQLException {
        TreeSet<Long> accounts = new TreeSet<>();
        List<MerchantId> merchants = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM merchant ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                merchants.add(new MerchantId(rs.getLong(1)));
            }
        }
        for (MerchantId merchant : merchants) {
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT DISTINCT account_id FROM ledger_entry "
                    + "WHERE merchant_id = :merchant AND created_at < ? AND points > 0")) {
                ps.setObject(1, creditedBefore);
                collect(ps, accounts);
            }
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT DISTINCT account_id FROM account_move WHERE created_at < ? AND points > 0")) {
            ps.setObject(1, creditedBefore);
            collect(ps, accounts);
        }
        return new ArrayList<>(accounts);
    }

    private static void collect(PreparedStatement ps, TreeSet<Long> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getLong(1));
            }
        }
    }

    /** @return accounts that expired something, points expired */
    private long[] expireChunk(Connection c, List<Long> accounts, ExpiryPolicy policy, LocalDateTime now) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM member_account WHERE id IN ("
                + Sql.placeholders(accounts.size()) + ") ORDER BY id FOR UPDATE")) {
            bind(ps, accounts);
            ps.executeQuery().close();
        }
        Map<Long, PointsLots> lots = LotReader.read(c, accounts);
        long expiredAccounts = 0;
        long expiredPoints = 0;
        List<ChainedEntry> chained = new ArrayList<>();
        try (PreparedStatement ledger = AcrossMerchants.on(c, EXPIRY_JOB).prepare("INSERT INTO ledger_entry (id, account_id, "
                + "merchant_id, purchase_id, entry_type, points, created_at) VALUES (?, ?, ?, ?, 'EXPIRE', ?, ?)");
             PreparedStatement moves = CoalitionSql.on(c).prepare("INSERT INTO account_move (id, operation_id, account_id, "
                     + "counter_account_id, card_id, move_type, points, created_at) VALUES (?, ?, ?, ?, NULL, 'EXPIRE', ?, ?)");
             PreparedStatement balance = CoalitionSql.on(c).prepare(
                     "UPDATE member_account SET balance = balance - ? WHERE id = ?")) {
            for (long account : accounts) {
                long total = 0;
                for (PointsLots.Remaining r : lots.getOrDefault(account, new PointsLots()).expiredAt(policy, now)) {
                    PointsLots.Lot lot = r.lot();
                    if (lot.merchantId() != null) {
                        long entryId = ids.nextId();
                        chained.add(new ChainedEntry(entryId, new MerchantId(lot.merchantId()), lot.purchaseId(), "EXPIRE",
                                -r.points(), now));
                        ledger.setLong(1, entryId);
                        ledger.setLong(2, account);
                        ledger.setLong(3, lot.merchantId());
                        ledger.setLong(4, lot.purchaseId());
                        ledger.setLong(5, -r.points());
                        ledger.setObject(6, now);
                        ledger.addBatch();
                    } else {
                        long id = ids.nextId();
                        moves.setLong(1, id);
                        moves.setLong(2, id);
                        moves.setLong(3, account);
                        moves.setLong(4, account);
                        moves.setLong(5, -r.points());
                        moves.setObject(6, now);
                        moves.addBatch();
                    }
                    total += r.points();
                }
                if (total > 0) {
                    balance.setLong(1, total);
                    balance.setLong(2, account);
                    balance.addBatch();
                    expiredAccounts++;
                    expiredPoints += total;
                }
            }
            ledger.executeBatch();
            LedgerChain.append(c, chained);
            moves.executeBatch();
            balance.executeBatch();
        }
        return new long[] {expiredAccounts, expiredPoints};
    }

    static void bind(PreparedStatement ps, List<Long> accounts) throws SQLException {
        for (int i = 0; i < accounts.size(); i++) {
            ps.setLong(i + 1, accounts.get(i));
        }
    }

    private <T> T inTransaction(Database.JdbcWork<T> work) {
        return database.inJdbcTransaction("points expiry failed", work);
    }

    /** As the database keeps it ({@link Database#now}): the ledger chain hashes the time as stored. */
    private LocalDateTime now() {
        return database.now(clock);
    }

    /** Reads accounts' lots: their credits and debits in the ledger and the operator's moves. */
    public static final class LotReader {
        private LotReader() {
        }

        public static Map<Long, PointsLots> read(Connection c, List<Long> accounts) throws SQLException {
            return read(c, accounts, null);
        }

        /**
         * The accounts' lots as they stood at {@code before}: only what was booked before it (all when null); the
         * settlement's liability of a closed period (docs/settlement.md) reads them so.
         */
        public static Map<Long, PointsLots> read(Connection c, List<Long> accounts, LocalDateTime before)
                throws SQLException {
            Map<Long, PointsLots> lots = new HashMap<>();
            if (accounts.isEmpty()) {
                return lots;
            }
            String cut = before == null ? "" : " AND created_at < ?";
            try (PreparedStatement ps = AcrossMerchants.on(c, EXPIRY_JOB).prepare("SELECT id, account_id, merchant_id, "
                    + "purchase_id, points, created_at FROM ledger_entry WHERE account_id IN ("
                    + Sql.placeholders(accounts.size()) + ")" + cut)) {
                bind(ps, accounts, before);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(lots, rs.getLong(2), rs.getLong(1), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getObject(6, LocalDateTime.class));
                    }
                }
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, account_id, points, created_at FROM account_move "
                    + "WHERE account_id IN (" + Sql.placeholders(accounts.size()) + ")" + cut)) {
                bind(ps, accounts, before);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(lots, rs.getLong(2), rs.getLong(1), null, null, rs.getLong(3), rs.getObject(4, LocalDateTime.class));
                    }
                }
            }
            return lots;
        }

        private static void bind(PreparedStatement ps, List<Long> accounts, LocalDateTime before) throws SQLException {
            PointsExpiry.bind(ps, accounts);
            if (before != null) {
                ps.setObject(accounts.size() + 1, before);
            }
        }

        private static void add(Map<Long, PointsLots> lots, long account, long id, Long merchant, Long purchase, long points,
                                LocalDateTime at) {
            PointsLots of = lots.computeIfAbsent(account, a -> new PointsLots());
            if (points > 0) {
                of.credit(new PointsLots.Lot(id, merchant, purchase, points, at));
            } else {
                of.debit(-points);
            }
        }
    }
}
