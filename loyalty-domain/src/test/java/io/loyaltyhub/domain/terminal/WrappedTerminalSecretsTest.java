package io.loyaltyhub.domain.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.crypto.KeyWrap;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.terminal.WrappedTerminalSecrets.Kind;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both tables of terminal secrets (signing secrets, MAC keys) on the embedded database. */
class WrappedTerminalSecretsTest {
    private static final byte[] MASTER = CoalitionFixture.filled(3);
    private static final byte[] SECRET = HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210");

    private final MovableClock clock = new MovableClock();
    private Database database;
    private CoalitionFixture.TestMerchant a;
    private CoalitionFixture.TestMerchant b;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.h2());
        CoalitionFixture coalition = new CoalitionFixture(database);
        a = coalition.merchant("A");
        b = coalition.merchant("B");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private WrappedTerminalSecrets secrets(Kind kind, byte[] master) {
        return new WrappedTerminalSecrets(database, kind, master, clock, Duration.ZERO);
    }

    private static Object[] moreColumns(Kind kind) {
        return kind == Kind.MAC_KEY ? new Object[] {"ABCDEF"} : new Object[0];
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecretIsStoredSealedReadBackAndChangedOnlyWithinItsMerchant(Kind kind) throws SQLException {
        WrappedTerminalSecrets secrets = secrets(kind, MASTER);

        secrets.replace(a.id(), a.terminal(), SECRET, moreColumns(kind));

        assertThat(secrets.secretOf(a.id(), a.terminal())).hasValueSatisfying(s -> assertThat(s).isEqualTo(SECRET));
        assertThat(stored(kind, a.terminal())).doesNotContainIgnoringCase(HexFormat.of().formatHex(SECRET))
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET));
        assertThat(secrets.secretOf(b.id(), a.terminal())).as("read only with its merchant").isEmpty();
        assertThatThrownBy(() -> secrets.replace(b.id(), a.terminal(), SECRET, moreColumns(kind)))
                .as("merchant B cannot key merchant A's terminal").isInstanceOf(IllegalArgumentException.class);
        secrets.remove(b.id(), a.terminal());
        assertThat(secrets.secretOf(a.id(), a.terminal())).as("nor remove its key").isPresent();

        secrets.remove(a.id(), a.terminal());

        assertThat(secrets.secretOf(a.id(), a.terminal())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSealedSecretCopiedOntoAnotherTerminalsRowDoesNotOpen(Kind kind) throws SQLException {
        WrappedTerminalSecrets secrets = secrets(kind, MASTER);
        TerminalCredential second = new CoalitionAdmin(database, IdGenerator.forNode(2), Clock.systemUTC()).addTerminal(a.id(), "S1", "T2");
        TerminalId other = new TerminalId(second.terminalId());
        secrets.replace(a.id(), a.terminal(), SECRET, moreColumns(kind));
        secrets.replace(a.id(), other, new byte[16], moreColumns(kind));

        sql("UPDATE " + table(kind) + " SET " + column(kind) + " = '" + stored(kind, a.terminal()) + "' WHERE terminal_id = "
                + other.value());

        assertThatThrownBy(() -> secrets.secretOf(a.id(), other)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void noOtherMasterKeyOpensItAndWithoutOneAKeyedTerminalIsRefused(Kind kind) {
        secrets(kind, MASTER).replace(a.id(), a.terminal(), SECRET, moreColumns(kind));

        assertThatThrownBy(() -> secrets(kind, CoalitionFixture.filled(4)).secretOf(a.id(), a.terminal()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(HexFormat.of().formatHex(SECRET));
        WrappedTerminalSecrets withoutMasterKey = secrets(kind, null);
        assertThatThrownBy(() -> withoutMasterKey.secretOf(a.id(), a.terminal())).isInstanceOf(IllegalStateException.class);
        assertThat(withoutMasterKey.secretOf(b.id(), b.terminal())).as("a terminal without a key is served").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSameSecretIsSealedDifferentlyEachTime(Kind kind) throws SQLException {
        WrappedTerminalSecrets secrets = secrets(kind, MASTER);
        secrets.replace(a.id(), a.terminal(), SECRET, moreColumns(kind));
        String first = stored(kind, a.terminal());

        secrets.replace(a.id(), a.terminal(), SECRET, moreColumns(kind));

        assertThat(stored(kind, a.terminal())).isNotEqualTo(first);
    }

    /** Values sealed by the releases before this class (MacKeyWrapping, TerminalSigningKeys) under an all-zero master key. */
    @Test
    void theStoredFormsOfEarlierReleasesStillOpen() {
        KeyWrap zero = new KeyWrap(new byte[32]);
        MerchantId merchant = new MerchantId(7);
        TerminalId terminal = new TerminalId(42);

        byte[] macKey = Kind.MAC_KEY.open(zero, "6eda03ff1ee1802501865d5cfcdfc2027dcfe981fe81200370dd4bf944d27997e7d14594aa8ca4c00149da82",
                merchant, terminal);
        byte[] signingSecret = Kind.SIGNING_SECRET.open(zero,
                "IPTzs4CrTtXoJgUBLU/dlF17ijprzkQM7rGIIV8pPQoHCrfIpRqNhZ9FcOfMlAdZokgF+O8lERd/4A7+", merchant, terminal);

        assertThat(macKey).isEqualTo(SECRET);
        assertThat(signingSecret).isEqualTo(CoalitionFixture.filled(5));
        assertThatThrownBy(() -> Kind.MAC_KEY.open(zero, "not hex", merchant, terminal)).isInstanceOf(KeyWrap.SealBrokenException.class);
    }

    @Test
    void readsAreRememberedForTheTtlOnTheClockAndAChangeOnThisNodeIsSeenAtOnce() {
        WrappedTerminalSecrets listener = new WrappedTerminalSecrets(database, Kind.MAC_KEY, MASTER, clock, Duration.ofSeconds(60));
        WrappedTerminalSecrets command = secrets(Kind.MAC_KEY, MASTER);
        assertThat(listener.secretOf(a.id(), a.terminal())).isEmpty();

        command.replace(a.id(), a.terminal(), SECRET, "ABCDEF");

        clock.advance(Duration.ofSeconds(59));
        assertThat(listener.secretOf(a.id(), a.terminal())).as("within the TTL the remembered answer stands").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(listener.secretOf(a.id(), a.terminal())).as("after it the key is read").isPresent();
        listener.remove(a.id(), a.terminal());
        assertThat(listener.secretOf(a.id(), a.terminal())).as("a removal on this node is seen at once").isEmpty();
        listener.replace(a.id(), a.terminal(), SECRET, "ABCDEF");
        assertThat(listener.secretOf(a.id(), a.terminal())).as("and so is a new key").isPresent();
    }

    @Test
    void aRotationMovesEveryRowOnceAndStopsAtARowUnderNeitherKey() throws SQLException {
        byte[] next = CoalitionFixture.filled(9);
        WrappedTerminalSecrets current = secrets(Kind.SIGNING_SECRET, MASTER);
        current.replace(a.id(), a.terminal(), SECRET);
        current.replace(b.id(), b.terminal(), SECRET);

        assertThat(rewrapUnder(current, next)).isEqualTo(2);
        assertThat(rewrapUnder(current, next)).as("already moved").isZero();
        assertThat(secrets(Kind.SIGNING_SECRET, next).secretOf(b.id(), b.terminal())).hasValueSatisfying(s -> assertThat(s).isEqualTo(SECRET));

        secrets(Kind.SIGNING_SECRET, CoalitionFixture.filled(4)).replace(a.id(), a.terminal(), SECRET);
        assertThatThrownBy(() -> rewrapUnder(current, next)).isInstanceOf(KeyWrap.SealBrokenException.class);
    }

    @Test
    void movingFromAnEarlierKeyLeavesARowUnderNeitherKeyAlone() throws SQLException {
        byte[] earlier = CoalitionFixture.filled(8);
        secrets(Kind.MAC_KEY, earlier).replace(a.id(), a.terminal(), SECRET, "ABCDEF");
        secrets(Kind.MAC_KEY, CoalitionFixture.filled(4)).replace(b.id(), b.terminal(), SECRET, "ABCDEF");
        String underNeither = stored(Kind.MAC_KEY, b.terminal());
        WrappedTerminalSecrets underMaster = secrets(Kind.MAC_KEY, MASTER);

        assertThat(adoptFrom(underMaster, earlier)).isEqualTo(1);
        assertThat(adoptFrom(underMaster, earlier)).as("already moved").isZero();

        assertThat(underMaster.secretOf(a.id(), a.terminal())).hasValueSatisfying(s -> assertThat(s).isEqualTo(SECRET));
        assertThat(stored(Kind.MAC_KEY, b.terminal())).isEqualTo(underNeither);
    }

    private int rewrapUnder(WrappedTerminalSecrets secrets, byte[] next) throws SQLException {
        try (Connection c = database.connection()) {
            int moved = secrets.rewrapUnder(c, next);
            c.commit();
            return moved;
        }
    }

    private int adoptFrom(WrappedTerminalSecrets secrets, byte[] earlier) throws SQLException {
        try (Connection c = database.connection()) {
            int moved = secrets.adoptFrom(c, earlier);
            c.commit();
            return moved;
        }
    }

    private static String table(Kind kind) {
        return kind == Kind.MAC_KEY ? "terminal_mac_key" : "terminal_signing_key";
    }

    private static String column(Kind kind) {
        return kind == Kind.MAC_KEY ? "wrapped_key" : "wrapped_secret";
    }

    private String stored(Kind kind, TerminalId terminal) throws SQLException {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column(kind) + " FROM " + table(kind) + " WHERE terminal_id = ?")) {
            ps.setLong(1, terminal.value());
            try (ResultSet rs = ps.executeQuery()) {
                String value = rs.next() ? rs.getString(1) : null;
                c.rollback();
                return value;
            }
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = database.connection(); var s = c.createStatement()) {
            s.execute(statement);
            c.commit();
        }
    }
}
