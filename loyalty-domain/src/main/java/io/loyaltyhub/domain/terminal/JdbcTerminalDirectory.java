package io.loyaltyhub.domain.terminal;

import io.loyaltyhub.domain.crypto.SecretHasher;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Terminal look-ups for the edge, with a short-lived cache so that authenticating a swipe costs no
 * database round trip. A terminal disabled by the operator stops authenticating within {@code cacheTtl}.
 *
 * <p>During a database outage known terminals keep being served from what was cached, however old (their swipes
 * are queued and credited once the database is back), and a look-up the cache cannot answer fails at once with
 * {@link TerminalDirectoryUnavailableException} instead of every request waiting for a connection in turn.
 */
public final class JdbcTerminalDirectory implements TerminalDirectory {
    private static final String SELECT = "SELECT t.id, t.merchant_id, m.code, t.store_id, s.code, t.code, "
            + "t.secret_hash, t.status, m.status FROM terminal t JOIN store s ON s.id = t.store_id AND s.merchant_id = t.merchant_id "
            + "JOIN merchant m ON m.id = t.merchant_id ";

    private record Entry(TerminalIdentity identity, String secretHash, boolean active, Instant loadedAt) {
    }

    private final Database database;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentHashMap<String, Entry> byCredential = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> byCodes = new ConcurrentHashMap<>();
    /** After a failed look-up, further ones fail at once until this time (System.nanoTime), then one tries again. */
    private volatile long unreachableUntilNanos;
    private static final long RETRY_AFTER_FAILURE_NANOS = 2_000_000_000L;

    public JdbcTerminalDirectory(Database database, Clock clock, Duration cacheTtl) {
        this.database = database;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public Optional<TerminalIdentity> authenticate(String credentialId, String secret) {
        if (credentialId == null || secret == null || credentialId.length() > 40) {
            return Optional.empty();
        }
        Entry entry = byCredential.get(credentialId);
        if (entry == null || entry.loadedAt().plus(cacheTtl).isBefore(clock.instant())) {
            entry = loadOrStale(entry, "WHERE t.credential_id = ?", credentialId).orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            byCredential.put(credentialId, entry);
        }
        return entry.active() && SecretHasher.matches(secret, entry.secretHash())
                ? Optional.of(entry.identity()) : Optional.empty();
    }

    @Override
    public Optional<TerminalIdentity> findTerminal(MerchantId merchant, String storeCode, String terminalCode) {
        return cached("m" + merchant.value() + "\u0000" + storeCode + "\u0000" + terminalCode,
                stale -> loadOrStale(stale, "WHERE t.merchant_id = ? AND s.code = ? AND t.code = ?", merchant.value(), storeCode, terminalCode));
    }

    @Override
    public Optional<TerminalIdentity> findTerminalAcrossMerchants(String merchantCode, String terminalCode) {
        return cached("c" + merchantCode + "\u0000" + terminalCode,
                stale -> loadOrStale(stale, "WHERE m.code = ? AND t.code = ?", merchantCode, terminalCode));
    }

    /**
     * Batch files, POSLog documents and ISO 8583 messages name their terminal by codes on every line: found
     * terminals are kept for {@code cacheTtl} like credentials (a terminal not found is looked up again each time,
     * so one added by the operator is seen at once).
     */
    private Optional<TerminalIdentity> cached(String key, java.util.function.Function<Entry, Optional<Entry>> loader) {
        Entry entry = byCodes.get(key);
        if (entry == null || entry.loadedAt().plus(cacheTtl).isBefore(clock.instant())) {
            entry = loader.apply(entry).orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            byCodes.put(key, entry);
        }
        return entry.active() ? Optional.of(entry.identity()) : Optional.empty();
    }

    /** A fresh look-up; while the database is unreachable, the expired entry if there is one. */
    private Optional<Entry> loadOrStale(Entry stale, String where, Object... params) {
        if (System.nanoTime() - unreachableUntilNanos < 0) {
            return servedStale(stale, null);
        }
        try {
            return load(where, params);
        } catch (TerminalDirectoryUnavailableException e) {
            unreachableUntilNanos = System.nanoTime() + RETRY_AFTER_FAILURE_NANOS;
            return servedStale(stale, e);
        }
    }

    private static Optional<Entry> servedStale(Entry stale, TerminalDirectoryUnavailableException cause) {
        if (stale != null) {
            return Optional.of(stale);
        }
        throw cause != null ? cause : new TerminalDirectoryUnavailableException("the terminal directory is unreachable just now", null);
    }

    private Optional<Entry> load(String where, Object... params) {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Entry> found = Optional.empty();
                if (rs.next()) {
                    TerminalIdentity identity = new TerminalIdentity(new MerchantId(rs.getLong(2)), rs.getString(3),
                            new StoreId(rs.getLong(4)), rs.getString(5), new TerminalId(rs.getLong(1)), rs.getString(6));
                    boolean active = "ACTIVE".equals(rs.getString(8)) && "ACTIVE".equals(rs.getString(9));
                    found = Optional.of(new Entry(identity, rs.getString(7), active, clock.instant()));
                }
                c.rollback();
                return found;
            }
        } catch (SQLException e) {
            throw new TerminalDirectoryUnavailableException("terminal look-up failed: " + e.getMessage(), e);
        }
    }
}
