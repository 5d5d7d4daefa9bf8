package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/** A database with the coalition fixture and an engine on the fixture's clock, for the engine suites. */
final class EngineTestbed implements AutoCloseable {
    private static final AtomicLong SERIALS = new AtomicLong(50_000);
    private static final AtomicLong REFS = new AtomicLong();

    final DatabaseConfig config;
    final Database database;
    final PointsEngine engine;
    final CoalitionFixture coalition;

    EngineTestbed(DatabaseConfig config) {
        this.config = config;
        this.database = Database.open(config);
        this.engine = new PointsEngine(database, IdGenerator.forNode(2), CoalitionFixture.CLOCK, 8);
        this.coalition = new CoalitionFixture(database);
    }

    CoalitionFixture.TestMerchant merchant() {
        return coalition.merchant("M" + REFS.incrementAndGet());
    }

    static String newCard() {
        return CoalitionFixture.cardNumber(SERIALS.incrementAndGet());
    }

    static String ref() {
        return "X" + REFS.incrementAndGet();
    }

    /** The balance of the account the card number (under card key 1) belongs to; null when the card has no account. */
    Long balanceOf(String card) {
        String token = coalition.cards().read(card).token().hash();
        return queryLong("SELECT a.balance FROM member_account a JOIN card k ON k.account_id = a.id WHERE k.token = ?", token);
    }

    /** The first column of the first row as a long, null when there is no row. */
    Long queryLong(String sql, Object... parameters) {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                Long value = rs.next() ? rs.getLong(1) : null;
                c.rollback();
                return value;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    void execute(String sql, Object... parameters) {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.execute();
            c.commit();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every account's balance equals the sum of its ledger: the entries of merchants' transactions and the operator's
     * moves between accounts (households, docs/households.md).
     */
    boolean ledgerMatchesBalances() {
        Long mismatches = queryLong("SELECT COUNT(*) FROM member_account a WHERE a.balance <> "
                + "(SELECT COALESCE(SUM(l.points), 0) FROM ledger_entry l WHERE l.account_id = a.id) "
                + "+ (SELECT COALESCE(SUM(m.points), 0) FROM account_move m WHERE m.account_id = a.id)");
        return mismatches == 0;
    }

    @Override
    public void close() {
        database.close();
        TestDatabases.dropMySql(config);
    }
}
