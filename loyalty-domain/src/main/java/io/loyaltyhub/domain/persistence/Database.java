package io.loyaltyhub.domain.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.entity.CardProgrammeEntity;
import io.loyaltyhub.domain.persistence.entity.CardRangeEntity;
import io.loyaltyhub.domain.persistence.entity.EarnRule;
import io.loyaltyhub.domain.persistence.entity.Merchant;
import io.loyaltyhub.domain.persistence.entity.MerchantCredentialEntity;
import io.loyaltyhub.domain.persistence.entity.MerchantUserEntity;
import io.loyaltyhub.domain.persistence.entity.MerchantUserSessionEntity;
import io.loyaltyhub.domain.persistence.entity.ReportDownloadEntity;
import io.loyaltyhub.domain.persistence.entity.Store;
import io.loyaltyhub.domain.persistence.entity.Terminal;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The hub's database: a HikariCP pool, the Flyway migrations applied at start, and a Hibernate
 * session factory whose tenant-owned entities are filtered by merchant. Sessions are opened for an
 * explicit merchant or explicitly for the operator; there is no default.
 */
public final class Database implements AutoCloseable {
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    private static final int VALIDATION_SECONDS = 2;

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    /** How finely the database keeps a time: see {@link #now}. */
    private final ChronoUnit timePrecision;
    /**
     * Built on a thread of its own when first asked for, or earlier by {@link #bootOrmInBackground}: the swipe path
     * uses plain JDBC and never waits for it, so a restarting hub answers terminals while Hibernate is still booting
     * (a cold start's largest single step), and a user of the JDBC stores alone never pays for it.
     */
    private final CompletableFuture<SessionFactory> sessionFactory = new CompletableFuture<>();
    private final AtomicBoolean ormBooting = new AtomicBoolean();

    private Database(DatabaseConfig config, HikariDataSource dataSource, ChronoUnit timePrecision) {
        this.config = config;
        this.dataSource = dataSource;
        this.timePrecision = timePrecision;
    }

    public static Database open(DatabaseConfig config) {
        if (config.isEmbeddedFile()) {
            StaleH2LockFile.removeIfOwnerIsGone(config.embeddedFile());
        }
        HikariDataSource dataSource = new HikariDataSource(poolConfig(config));
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return new Database(config, dataSource, timePrecision(config, dataSource));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Milliseconds (the columns' precision), except on MariaDB before 11.4: it announces itself as "5.5.5-…", and
     * MySQL Connector/J, taking it for MySQL 5.5, sends every time without its fraction, so the server keeps whole
     * seconds.
     */
    private static ChronoUnit timePrecision(DatabaseConfig config, DataSource dataSource) {
        if (!config.isMySql()) {
            return ChronoUnit.MILLIS;
        }
        return MariaDbVersion.of(dataSource).filter(v -> v.major() < 11 || v.major() == 11 && v.minor() < 4)
                .map(v -> ChronoUnit.SECONDS).orElse(ChronoUnit.MILLIS);
    }

    /**
     * This moment as the database will store it (UTC): cut to milliseconds, or to whole seconds where the server keeps
     * no more ({@link #timePrecision}). What is hashed or compared after a write (the ledger chain, the claims) must be
     * the time as stored, or a verification would find another value than the one that was hashed.
     */
    public LocalDateTime now(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(timePrecision);
    }

    private static HikariConfig poolConfig(DatabaseConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("loyalty-db");
        pool.setJdbcUrl(config.url());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setMaximumPoolSize(config.poolSize());
        pool.setAutoCommit(false);
        // During an outage a caller learns it within seconds instead of waiting half a minute for a connection.
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // Read committed: balance changes are atomic updates under row locks, so nothing needs the
        // repeatable-read snapshot, and InnoDB takes no gap locks (fewer deadlocks between batches).
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (config.isMySql()) {
            pool.addDataSourceProperty("rewriteBatchedStatements", "true");
            pool.addDataSourceProperty("cachePrepStmts", "true");
            pool.addDataSourceProperty("prepStmtCacheSize", "250");
            pool.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
            pool.addDataSourceProperty("useServerPrepStmts", "false");
            pool.addDataSourceProperty("characterEncoding", "UTF-8");
            // The session's auto-commit and isolation are set by the pool and changed only through JDBC: the
            // driver can answer from what it knows instead of asking the server (a round trip per check).
            pool.addDataSourceProperty("useLocalSessionState", "true");
            pool.addDataSourceProperty("useLocalTransactionState", "true");
            pool.addDataSourceProperty("cacheServerConfiguration", "true");
            pool.addDataSourceProperty("maintainTimeStats", "false");
        }
        return pool;
    }

    private static SessionFactory sessionFactory(DatabaseConfig config, DataSource dataSource) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Merchant.class)
                .addAnnotatedClass(EarnRule.class)
                .addAnnotatedClass(Store.class)
                .addAnnotatedClass(Terminal.class)
                .addAnnotatedClass(CardProgrammeEntity.class)
                .addAnnotatedClass(CardRangeEntity.class)
                .addAnnotatedClass(MerchantCredentialEntity.class)
                .addAnnotatedClass(ReportDownloadEntity.class)
                .addAnnotatedClass(MerchantUserEntity.class)
                .addAnnotatedClass(MerchantUserSessionEntity.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "100");
        configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        configuration.setCurrentTenantIdentifierResolver(new OperatorTenant());
        if (config.isMySql()) {
            MariaDbVersion.of(dataSource).ifPresent(mariaDb -> {
                // Connector/J names every server "MySQL" and MariaDB before 11.4 calls itself 5.5.5: Hibernate would
                // speak MySQL 8 to it (FOR UPDATE OF, which MariaDB refuses). Say what the server is instead.
                configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "MariaDB");
                configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, String.valueOf(mariaDb.major()));
                configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, String.valueOf(mariaDb.minor()));
                configuration.setProperty("hibernate.boot.allow_jdbc_metadata_access", "false");
            });
        }
        return configuration.buildSessionFactory();
    }

    /**
     * Starts booting Hibernate on a thread of its own, if it has not started yet: the hub asks for this as soon as the
     * schema is migrated, so the operator's first request does not wait for the boot.
     */
    public void bootOrmInBackground() {
        if (!ormBooting.compareAndSet(false, true)) {
            return;
        }
        Thread boot = new Thread(() -> {
            try {
                sessionFactory.complete(sessionFactory(config, dataSource));
            } catch (RuntimeException | Error e) {
                sessionFactory.completeExceptionally(e);
            }
        }, "hibernate-boot");
        boot.setDaemon(true);
        boot.start();
    }

    private SessionFactory sessions() {
        bootOrmInBackground();
        try {
            return sessionFactory.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseConfig config() {
        return config;
    }

    /** A session that sees and writes only this merchant's tenant-owned rows. */
    public Session openMerchantSession(MerchantId merchant) {
        if (merchant == null) {
            throw new IllegalArgumentException("a merchant is required for a merchant session");
        }
        return sessions().withOptions().tenantIdentifier(merchant.value()).openSession();
    }

    /** The operator's session: sees every merchant. Used only by operator tooling, never by merchant-facing code. */
    public Session openOperatorSession() {
        return sessions().withOptions().tenantIdentifier(OperatorTenant.ROOT).openSession();
    }

    public <T> T inMerchantTransaction(MerchantId merchant, Function<Session, T> work) {
        try (Session session = openMerchantSession(merchant)) {
            return inTransaction(session, work);
        }
    }

    public <T> T inOperatorTransaction(Function<Session, T> work) {
        try (Session session = openOperatorSession()) {
            return inTransaction(session, work);
        }
    }

    /**
     * One transaction that creates a merchant and writes its first rows: {@code work} gets the operator's session
     * (for the merchant row) and a session of the new merchant on the same connection (for its tenant-owned rows).
     * The operator's writes are flushed first, then the merchant's; all of it is committed together, or nothing is.
     */
    public <T> T inOnboardingTransaction(MerchantId merchant, BiFunction<Session, Session, T> work) {
        if (merchant == null) {
            throw new IllegalArgumentException("a merchant is required for an onboarding transaction");
        }
        return inOperatorTransaction(operator -> {
            try (Session tenant = operator.sessionWithOptions().connection().tenantIdentifier(merchant.value())
                    .openSession()) {
                T result = work.apply(operator, tenant);
                operator.flush();
                tenant.flush();
                return result;
            }
        });
    }

    private static <T> T inTransaction(Session session, Function<Session, T> work) {
        Transaction tx = session.beginTransaction();
        try {
            T result = work.apply(session);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        }
    }

    /** Work on one JDBC connection, inside {@link #inJdbcTransaction}. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T run(Connection connection) throws java.sql.SQLException;
    }

    /**
     * Runs {@code work} in one JDBC transaction, committed durably ({@link #commitDurably}) or rolled back whole; a
     * database failure becomes an {@link IllegalStateException} whose message starts with {@code what}.
     */
    public <T> T inJdbcTransaction(String what, JdbcWork<T> work) {
        try (Connection c = connection()) {
            try {
                T result = work.run(c);
                commitDurably(c);
                return result;
            } catch (java.sql.SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Commits and returns only once the commit is on disk. A MySQL server syncs its redo log at commit (with its
     * default {@code innodb_flush_log_at_trx_commit=1}); the embedded H2 file is written at commit but synced only
     * when asked, so it is asked here. Used where an answer promises the commit (the engine's batches).
     */
    public void commitDurably(Connection connection) throws java.sql.SQLException {
        connection.commit();
        if (config.isEmbeddedFile()) {
            CoalitionSql.on(connection).execute("CHECKPOINT SYNC");
        }
    }

    /** Whether the database answers now: a connection from the pool that validates within two seconds. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(VALIDATION_SECONDS);
        } catch (java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A connection from the pool (auto-commit off), for the engine's batch writes, streaming reports and the other
     * JDBC stores. Statements on it are made only by {@link MerchantSql}, {@link CoalitionSql} or the named escape
     * {@link AcrossMerchants} (PersistenceRulesTest).
     */
    public Connection connection() throws java.sql.SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        try {
            if (ormBooting.get()) {
                sessions().close();
            }
        } finally {
            dataSource.close();
        }
    }
}
