package io.loyaltyhub.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cloud POS sale without a card finds its member by email or phone through keyed hashes (ContactIndex): only among
 * members who consented to the merchant, with hashes that reveal neither the contact nor a link between merchants,
 * copies written before the hashes existed are hashed on the first look-up, and a merchant's shredded copies answer
 * nothing.
 */
abstract class MemberContactsSuite {
    private static final String EMAIL = "Ann.Tan@Example.com";
    private static final String PHONE = "+65 9123 4567";

    private DatabaseConfig config;
    private Database database;
    private MemberRegistry registry;
    private MerchantId a;
    private MerchantId b;
    private long nextAccount = 1_000;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        config = newDatabase();
        database = Database.open(config);
        CoalitionFixture coalition = new CoalitionFixture(database);
        a = coalition.merchant("A").id();
        b = coalition.merchant("B").id();
        registry = new MemberRegistry(database, new DataKeys(database, CoalitionFixture.filled(3),
                IdSource.COMMAND_LINE.generatorFor(1), CoalitionFixture.CLOCK), new ContactIndex(CoalitionFixture.filled(5)),
                CoalitionFixture.CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
        TestDatabases.dropMySql(config);
    }

    @Test
    void aMemberIsFoundByHerEmailOrPhoneOnlyByAMerchantSheConsentedTo() throws SQLException {
        long ann = enrol(EMAIL, PHONE, Set.of(a));
        enrol("someone.else@example.com", "+65 8000 0000", Set.of(a));

        assertThat(registry.consentedAccountsWithContact(a, "  ann.tan@EXAMPLE.com ", null)).containsExactly(ann);
        assertThat(registry.consentedAccountsWithContact(a, null, "6591234567")).containsExactly(ann);
        assertThat(registry.consentedAccountsWithContact(a, "nobody@example.com", "12")).isEmpty();
        assertThat(registry.consentedAccountsWithContact(b, EMAIL, PHONE)).as("no consent to B").isEmpty();
    }

    @Test
    void theStoredHashesAreNeitherTheContactNorTheSameForTwoMerchants() throws SQLException {
        long ann = enrol(EMAIL, PHONE, Set.of(a, b));

        List<String> hashes = emailHashesOf(ann);

        assertThat(hashes).hasSize(3).doesNotContainNull().doesNotHaveDuplicates()
                .allSatisfy(hash -> assertThat(hash).hasSize(64).doesNotContainIgnoringCase("ann"));
    }

    @Test
    void aCopyWrittenBeforeTheHashesIsFoundAndHashedOnTheFirstLookUp() throws SQLException {
        long ann = enrol(EMAIL, PHONE, Set.of(a));
        execute("UPDATE member_personal_data SET email_index = NULL, phone_index = NULL");
        assertThat(emailHashesOf(ann)).containsOnlyNulls();

        assertThat(registry.consentedAccountsWithContact(a, EMAIL, null)).containsExactly(ann);
        assertThat(emailHashesOf(ann)).as("the operator's copy and merchant A's: A's is hashed now").hasSize(2)
                .filteredOn(java.util.Objects::nonNull).hasSize(1);
    }

    @Test
    void aMerchantsShreddedCopiesAnswerNothing() throws SQLException {
        enrol(EMAIL, PHONE, Set.of(a));
        try (Connection c = database.connection()) {
            registry.destroyMerchantKeys(c, a);
            c.commit();
        }

        assertThat(registry.consentedAccountsWithContact(a, EMAIL, PHONE)).isEmpty();
    }

    private long enrol(String email, String phone, Set<MerchantId> consent) throws SQLException {
        long account = nextAccount++;
        execute("INSERT INTO member_account (id, balance, created_at) VALUES (" + account + ", 0, ?)");
        registry.enrolByOperator(new MemberEnrolment(account, "Ann Tan", email, phone, LocalDate.of(1990, 5, 1), consent));
        return account;
    }

    private List<String> emailHashesOf(long account) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT email_index FROM member_personal_data WHERE account_id = ?")) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
            c.commit();
        }
        return hashes;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                ps.setTimestamp(1, Timestamp.from(CoalitionFixture.CLOCK.instant()));
            }
            ps.executeUpdate();
            c.commit();
        }
    }
}
