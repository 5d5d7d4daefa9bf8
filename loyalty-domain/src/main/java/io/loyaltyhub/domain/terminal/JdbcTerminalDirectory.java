package io.loyaltyhub.domain.terminal;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.loyaltyhub.domain.crypto.SecretHasher;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.time.ClockTicker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Terminal look-ups for the edge, with a short-lived cache so that authenticating a swipe costs no database round
 * trip. A terminal disabled by the operator stops authenticating within {@code cacheTtl}.
 *
 * <p>The cache is Caffeine's, refreshing an entry older than {@code cacheTtl} on the look-up that finds it so
 * (synchronously, on the caller's thread: the answer is the fresh one). During a database outage that refresh fails
 * and the entry is answered as it is, however old (the terminal's swipes are queued and credited once the database
 * is back); it stays due for a refresh, so the first look-up after the outage reads the database again. A look-up the
 * cache cannot answer fails at once with {@link TerminalDirectoryUnavailableException}. After a failed database
 * read, the database is left alone for {@link #RETRY_AFTER_FAILURE} (stale answers or that exception at once) instead
 * of every request waiting for a connection in turn. A terminal that is not found is not remembered, so one the
 * operator adds is seen at once. Time is the given clock's.
 */
public final class JdbcTerminalDirectory implements TerminalDirectory {
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(2);

    private static final String SELECT = "SELECT t.id, t.merchant_id, m.code, t.store_id, s.code, t.code, "
            + "t.secret_hash, t.status, m.status FROM terminal t JOIN store s ON s.id = t.store_id AND s.merchant_id = t.merchant_id "
            + "JOIN merchant m ON m.id = t.merchant_id ";
    private static final String BY_CREDENTIAL = "WHERE t.credential_id = ?";
    private static final String IN_MERCHANT = "WHERE t.merchant_id = :merchant AND s.code = ? AND t.code = ?";
    private static final String BY_MERCHANT_CODE = "WHERE m.code = ? AND t.code = ?";
    /** Why the two look-ups that do not start from a merchant go {@link AcrossMerchants}. */
    private static final String LOG_IN = "terminal log-in: the credential id, or the merchant code a message names, "
            + "is what finds the merchant";

    /**
     * One way of finding a terminal (the statement's condition, the merchant it is scoped to or null for a look-up
     * that finds the merchant, and the other values); the cache's key.
     */
    private record Lookup(String where, MerchantId merchant, List<Object> params) {
        Lookup(String where, MerchantId merchant, Object... params) {
            this(where, merchant, List.of(params));
        }
    }

    private record Entry(TerminalIdentity identity, String secretHash, boolean active) {
        /** What a refresh makes of a terminal that is no longer found: nothing it may do. */
        Entry gone() {
            return new Entry(identity, secretHash, false);
        }
    }

    private final Database database;
    private final Ticker ticker;
    /** Null when the TTL is zero (operator commands): every look-up reads the database. */
    private final LoadingCache<Lookup, Entry> entries;
    /** After a failed read, further ones fail at once until this time (ticker nanoseconds), then one tries again. */
    private volatile long unreachableUntil = Long.MIN_VALUE;

    public JdbcTerminalDirectory(Database database, Clock clock, Duration cacheTtl) {
        this.database = database;
        this.ticker = ClockTicker.of(clock);
        this.entries = cacheTtl.isZero() ? null : Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .refreshAfterWrite(cacheTtl)
                .build(new StaleWhenUnreachable());
    }

    @Override
    public Optional<TerminalIdentity> authenticate(String credentialId, String secret) {
        if (credentialId == null || secret == null || credentialId.length() > 40) {
            return Optional.empty();
        }
        Entry entry = find(new Lookup(BY_CREDENTIAL, null, credentialId));
        return entry != null && entry.active() && SecretHasher.matches(secret, entry.secretHash())
                ? Optional.of(entry.identity()) : Optional.empty();
    }

    /** Batch files, POSLog documents and ISO 8583 messages name their terminal by codes on every line. */
    @Override
    public Optional<TerminalIdentity> findTerminal(MerchantId merchant, String storeCode, String terminalCode) {
        return activeIdentity(find(new Lookup(IN_MERCHANT, merchant, storeCode, terminalCode)));
    }

    @Override
    public Optional<TerminalIdentity> findTerminalAcrossMerchants(String merchantCode, String terminalCode) {
        return activeIdentity(find(new Lookup(BY_MERCHANT_CODE, null, merchantCode, terminalCode)));
    }

    private static Optional<TerminalIdentity> activeIdentity(Entry entry) {
        return entry != null && entry.active() ? Optional.of(entry.identity()) : Optional.empty();
    }

    /** The entry, or null when no terminal matches. */
    private Entry find(Lookup lookup) {
        return entries == null ? read(lookup).orElse(null) : entries.get(lookup);
    }

    /**
     * Caffeine's loader: a first look-up reads the database (and fails when it cannot); a refresh that cannot read it
     * is cancelled, which leaves the stale entry in place to be answered, and due for the next look-up's refresh.
     * (Caffeine logs a failed refresh, but not a cancelled one: an outage is reported by the hub's readiness.)
     */
    private final class StaleWhenUnreachable implements CacheLoader<Lookup, Entry> {
        @Override
        public Entry load(Lookup lookup) {
            return read(lookup).orElse(null);
        }

        @Override
        public CompletableFuture<Entry> asyncReload(Lookup lookup, Entry stale, Executor executor) {
            try {
                return CompletableFuture.completedFuture(read(lookup).orElseGet(stale::gone));
            } catch (TerminalDirectoryUnavailableException unreachable) {
                CancellationException servedStale = new CancellationException("terminal directory unreachable: served stale");
                servedStale.initCause(unreachable);
                return CompletableFuture.failedFuture(servedStale);
            }
        }
    }

    /** A database read, unless one failed less than {@link #RETRY_AFTER_FAILURE} ago. */
    private Optional<Entry> read(Lookup lookup) {
        if (ticker.read() < unreachableUntil) {
            throw new TerminalDirectoryUnavailableException("the terminal directory is unreachable just now", null);
        }
        try {
            return query(lookup);
        } catch (TerminalDirectoryUnavailableException e) {
            unreachableUntil = ticker.read() + RETRY_AFTER_FAILURE.toNanos();
            throw e;
        }
    }

    private static PreparedStatement prepare(Connection c, Lookup lookup) throws SQLException {
        return lookup.merchant() != null ? MerchantSql.on(c, lookup.merchant()).prepare(SELECT + lookup.where())
                : AcrossMerchants.on(c, LOG_IN).prepare(SELECT + lookup.where());
    }

    private Optional<Entry> query(Lookup lookup) {
        try (Connection c = database.connection(); PreparedStatement ps = prepare(c, lookup)) {
            for (int i = 0; i < lookup.params().size(); i++) {
                ps.setObject(i + 1, lookup.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Entry> found = Optional.empty();
                if (rs.next()) {
                    TerminalIdentity identity = new TerminalIdentity(new MerchantId(rs.getLong(2)), rs.getString(3),
                            new StoreId(rs.getLong(4)), rs.getString(5), new TerminalId(rs.getLong(1)), rs.getString(6));
                    boolean active = "ACTIVE".equals(rs.getString(8)) && "ACTIVE".equals(rs.getString(9));
                    found = Optional.of(new Entry(identity, rs.getString(7), active));
                }
                c.rollback();
                return found;
            }
        } catch (SQLException e) {
            throw new TerminalDirectoryUnavailableException("terminal look-up failed: " + e.getMessage(), e);
        }
    }
}
