package io.loyaltyhub.domain.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merchant-scoped statements, on the embedded database (the migrated schema, two merchants). */
class MerchantSqlTest {
    private static final MerchantId A = new MerchantId(1);
    private static final MerchantId B = new MerchantId(2);

    private Database database;
    private Connection c;

    @BeforeEach
    void twoMerchantsWithAStoreEach() throws SQLException {
        database = Database.open(TestDatabases.h2());
        c = database.connection();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "INSERT INTO merchant (id, code, name, status, created_at) VALUES (?, ?, ?, 'ACTIVE', ?)")) {
            for (long id = 1; id <= 2; id++) {
                ps.setLong(1, id);
                ps.setString(2, "M" + id);
                ps.setString(3, "Merchant " + id);
                ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 0)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        addStore(A, 11, "S1");
        addStore(B, 21, "S1");
        c.commit();
    }

    private void addStore(MerchantId merchant, long id, String code) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                "INSERT INTO store (id, merchant_id, code, name) VALUES (?, :merchant, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, code);
            ps.setString(3, "Store " + code);
            ps.executeUpdate();
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        database.close();
    }

    private List<Long> storeIds(MerchantId merchant, String code) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                "SELECT id FROM store WHERE code = ? AND merchant_id = :merchant ORDER BY id")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    @Test
    void aMerchantsStatementSeesOnlyThatMerchantsRows() throws SQLException {
        assertThat(storeIds(A, "S1")).containsExactly(11L);
        assertThat(storeIds(B, "S1")).containsExactly(21L);
    }

    @Test
    void theMerchantStaysBoundAfterTheCallerClearsItsParameters() throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, B).prepare("SELECT id FROM store WHERE merchant_id = :merchant AND code = ?")) {
            ps.setString(1, "nothing");
            ps.clearParameters();
            ps.setString(1, "S1");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(21L);
            }
        }
    }

    @Test
    void textWithoutTheMerchantMarkerIsRefused() {
        assertThatThrownBy(() -> MerchantSql.on(c, A).prepare("SELECT id FROM store WHERE merchant_id = ?"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":merchant");
        assertThatThrownBy(() -> MerchantSql.on(c, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMarkerInsideAQuotedLiteralDoesNotCount() {
        assertThatThrownBy(() -> MerchantSql.on(c, A).prepare("SELECT id FROM store WHERE name = ':merchant'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markersAndPlaceholdersInCommentsAreNoParameters() throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, B).prepare("SELECT id FROM store -- which one? see :merchant\n"
                + "WHERE /* the tenant: */ merchant_id = :merchant AND code = ?")) {
            ps.setString(1, "S1");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(21L);
            }
        }
        assertThatThrownBy(() -> MerchantSql.on(c, A).prepare("SELECT id FROM store /* merchant_id = :merchant */"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownNamedParameterIsRefused() {
        assertThatThrownBy(() -> MerchantSql.on(c, A).prepare("SELECT id FROM store WHERE merchant_id = :merchant AND code = :code"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown named parameter");
    }

    @Test
    void aCallerCannotBindBeyondItsOwnParameters() throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, A).prepare("SELECT id FROM store WHERE merchant_id = :merchant")) {
            assertThatThrownBy(() -> ps.setLong(1, B.value())).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aPreparedStatementRunsNoOtherText() throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, A).prepare("SELECT id FROM store WHERE merchant_id = :merchant")) {
            assertThatThrownBy(() -> ps.executeQuery("SELECT id FROM store")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> ps.addBatch("DELETE FROM store")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> ps.unwrap(PreparedStatement.class)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void coalitionStatementsRefuseTenantTables() throws SQLException {
        assertThatThrownBy(() -> CoalitionSql.on(c).prepare("SELECT s.id FROM merchant m JOIN store s ON s.merchant_id = m.id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store");
        assertThatThrownBy(() -> CoalitionSql.on(c).prepare("SELECT id FROM merchant WHERE id = :merchant"))
                .isInstanceOf(IllegalArgumentException.class);
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id AS store_id FROM card WHERE id = ?")) {
            assertThat(ps).isNotNull(); // a column named after a tenant table is not the table
        }
    }

    @Test
    void goingAcrossMerchantsNeedsAReason() throws SQLException {
        assertThatThrownBy(() -> AcrossMerchants.on(c, "")).isInstanceOf(IllegalArgumentException.class);
        try (PreparedStatement ps = AcrossMerchants.on(c, "test: every merchant's stores").prepare(
                "SELECT COUNT(*) FROM store");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    /** A new table with a required merchant_id must be added to TenantTables, or CoalitionSql would let it through. */
    @Test
    void theTenantTablesAreExactlyTheTablesWithARequiredMerchant() throws SQLException {
        Set<String> required = new TreeSet<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT LOWER(table_name) FROM information_schema.columns "
                + "WHERE LOWER(table_schema) = 'public' AND LOWER(column_name) = 'merchant_id' AND is_nullable = 'NO'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                required.add(rs.getString(1));
            }
        }
        assertThat(required).containsExactlyInAnyOrderElementsOf(TenantTables.NAMES);
    }

    @Test
    void tenantTablesAreFoundAsWholeNamesOutsideLiterals() {
        assertThat(TenantTables.namedIn("SELECT p.store_id FROM purchase p JOIN Terminal t ON t.name = 'store'"))
                .containsExactly("purchase", "terminal");
    }
}
