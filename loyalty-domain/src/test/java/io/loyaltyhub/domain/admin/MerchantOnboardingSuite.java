package io.loyaltyhub.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding a merchant (the console's "create merchant", the {@code merchant-add} command) is one transaction: the
 * merchant, its earn rate and its first report credential are stored together, or, when a step fails, none of them
 * is, and the same code can be used again. On every database.
 */
abstract class MerchantOnboardingSuite {
    private DatabaseConfig config;
    private Database database;
    private CoalitionAdmin admin;
    private MerchantCredentials credentials;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        config = newDatabase();
        database = Database.open(config);
        admin = new CoalitionAdmin(database, IdGenerator.forNode(7), Clock.systemUTC());
        // A cheap Argon2id cost for tests; the hub uses Argon2idHasher.recommended().
        credentials = new MerchantCredentials(database, IdGenerator.forNode(8), Clock.systemUTC(), new Argon2idHasher(64, 1, 1),
                Duration.ofSeconds(60), 2);
    }

    @AfterEach
    void close() {
        database.close();
        TestDatabases.dropMySql(config);
    }

    @Test
    void theMerchantItsRateAndItsCredentialAreStoredTogether() throws SQLException {
        MerchantCredential issued = admin.onboardMerchant("books", "Pages & Co.", "EUR", new EarnRate(3, 200), credentials);

        assertThat(admin.findMerchantByCode("books")).contains(issued.merchant());
        assertThat(rateOf(issued.merchant())).isEqualTo("EUR 3/200");
        assertThat(credentials.authenticate(issued.credentialId(), issued.secret()))
                .hasValueSatisfying(p -> assertThat(p.merchant()).isEqualTo(issued.merchant()));
    }

    @Test
    void aStepThatFailsLeavesNoMerchantRateOrCredentialAndTheCodeCanBeUsedAgain() throws SQLException {
        renameTable("merchant_credential", "merchant_credential_away");
        try {
            assertThatThrownBy(() -> admin.onboardMerchant("books", "Pages & Co.", "EUR", new EarnRate(3, 200),
                    credentials)).isInstanceOf(RuntimeException.class);
        } finally {
            renameTable("merchant_credential_away", "merchant_credential");
        }
        assertThat(admin.findMerchantByCode("books")).as("the merchant row of the failed onboarding").isEmpty();
        assertThat(count("earn_rule")).as("its earn rate").isZero();

        MerchantCredential second = admin.onboardMerchant("books", "Pages & Co.", "EUR", new EarnRate(3, 200), credentials);
        assertThat(credentials.issued(second.merchant())).extracting(MerchantCredentials.IssuedCredential::credentialId)
                .containsExactly(second.credentialId());
    }

    @Test
    void aCodeInUseIsRefusedAndTheMerchantWithItKeepsItsRate() throws SQLException {
        MerchantId first = admin.createMerchant("books", "Pages & Co.", "EUR", new EarnRate(1, 100));

        assertThatThrownBy(() -> admin.onboardMerchant("books", "Another", "EUR", new EarnRate(9, 1), credentials))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("merchant books already exists");

        assertThat(rateOf(first)).isEqualTo("EUR 1/100");
        assertThat(count("merchant")).isEqualTo(1);
        assertThat(count("merchant_credential")).isZero();
    }

    private void renameTable(String from, String to) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + from + " RENAME TO " + to);
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private String rateOf(MerchantId merchant) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT currency, points, per_minor_units FROM earn_rule WHERE merchant_id = ?")) {
            s.setLong(1, merchant.value());
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("an earn rate").isTrue();
                return r.getString(1) + " " + r.getLong(2) + "/" + r.getLong(3);
            }
        }
    }
}
