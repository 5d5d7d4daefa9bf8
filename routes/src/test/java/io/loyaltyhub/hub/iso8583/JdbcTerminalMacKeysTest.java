package io.loyaltyhub.hub.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The MAC key store on the embedded database and, when one is reachable, on MySQL/MariaDB. */
@Slow
class JdbcTerminalMacKeysTest {

    private static final String KEK = "42".repeat(32);
    private static final String KEY = "0123456789ABCDEFFEDCBA9876543210";

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("h2"), Arguments.of("mysql"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTerminalsKeyIsStoredWrappedReadBackAndRemovedOnlyWithinItsMerchant(String kind) throws Exception {
        DatabaseConfig config = "h2".equals(kind) ? TestDatabases.h2() : TestDatabases.freshMySql();
        try (Database database = Database.open(config)) {
            CoalitionFixture coalition = new CoalitionFixture(database);
            CoalitionFixture.TestMerchant a = coalition.merchant("A");
            CoalitionFixture.TestMerchant b = coalition.merchant("B");
            JdbcTerminalMacKeys keys = new JdbcTerminalMacKeys(database, KEK, Clock.systemUTC());
            TerminalIdentity tillOfA = identity(a);
            TerminalIdentity tillOfB = identity(b);

            String checkValue = keys.assign(a.id(), a.terminal(), KEY);

            assertThat(checkValue).isEqualTo(MacKey.ofHex(KEY).checkValue());
            assertThat(keys.keyOf(tillOfA)).contains(MacKey.ofHex(KEY));
            assertThat(keys.keyOf(tillOfB)).isEmpty();
            assertThat(storedWrappedKeys(database)).doesNotContainIgnoringCase(KEY);
            assertThatThrownBy(() -> keys.assign(b.id(), a.terminal(), KEY))
                    .as("merchant B cannot key merchant A's terminal").isInstanceOf(IllegalArgumentException.class);
            keys.remove(b.id(), a.terminal());
            assertThat(keys.keyOf(tillOfA)).as("merchant B cannot remove it either").isPresent();
            assertThatThrownBy(() -> new JdbcTerminalMacKeys(database, (byte[]) null, Clock.systemUTC()).keyOf(tillOfA))
                    .as("without the key-encryption key a keyed terminal is refused, not let through")
                    .isInstanceOf(IllegalStateException.class);

            keys.remove(a.id(), a.terminal());

            assertThat(keys.keyOf(tillOfA)).isEmpty();
        } finally {
            TestDatabases.dropMySql(config);
        }
    }

    private static TerminalIdentity identity(CoalitionFixture.TestMerchant m) {
        return new TerminalIdentity(m.id(), "x", m.store(), "S1", m.terminal(), "T1");
    }

    private static String storedWrappedKeys(Database database) throws Exception {
        try (var c = database.connection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT wrapped_key FROM terminal_mac_key")) {
            StringBuilder all = new StringBuilder();
            while (rs.next()) {
                all.append(rs.getString(1));
            }
            c.rollback();
            return all.toString();
        }
    }

    @org.junit.jupiter.api.Test
    void aRunningHubSeesAKeyAssignedElsewhereOnceItsCachedAnswerIsOlderThanTheTtl() throws Exception {
        try (Database database = Database.open(TestDatabases.h2())) {
            CoalitionFixture.TestMerchant a = new CoalitionFixture(database).merchant("A");
            byte[] master = new byte[32];
            java.util.Arrays.fill(master, (byte) 7);
            MovableClock clock = new MovableClock();
            JdbcTerminalMacKeys listener = new JdbcTerminalMacKeys(database, master, clock, Duration.ofSeconds(60));
            JdbcTerminalMacKeys command = new JdbcTerminalMacKeys(database, master, Clock.systemUTC());
            assertThat(listener.keyOf(identity(a))).isEmpty();

            command.assign(a.id(), a.terminal(), KEY);

            assertThat(listener.keyOf(identity(a))).as("within the TTL the remembered answer stands").isEmpty();
            clock.advance(Duration.ofSeconds(61));
            assertThat(listener.keyOf(identity(a))).as("after the TTL the new key is seen").contains(MacKey.ofHex(KEY));
            listener.remove(a.id(), a.terminal());
            assertThat(listener.keyOf(identity(a))).as("a removal on this node is seen at once").isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void macKeysWrappedUnderTheKeyEncryptionKeyFileOfOldHubsMoveToTheMasterKey() throws Exception {
        try (Database database = Database.open(TestDatabases.h2())) {
            CoalitionFixture.TestMerchant a = new CoalitionFixture(database).merchant("A");
            new JdbcTerminalMacKeys(database, KEK, Clock.systemUTC()).assign(a.id(), a.terminal(), KEY);
            byte[] master = new byte[32];
            java.util.Arrays.fill(master, (byte) 9);
            JdbcTerminalMacKeys underMaster = new JdbcTerminalMacKeys(database, master, Clock.systemUTC());
            assertThatThrownBy(() -> underMaster.keyOf(identity(a))).isInstanceOf(IllegalStateException.class);

            assertThat(underMaster.rewrapFromLegacyKey(java.util.HexFormat.of().parseHex(KEK))).isEqualTo(1);

            assertThat(underMaster.keyOf(identity(a))).contains(MacKey.ofHex(KEY));
            assertThat(underMaster.rewrapFromLegacyKey(java.util.HexFormat.of().parseHex(KEK))).as("already moved").isZero();
            byte[] otherMaster = new byte[32];
            java.util.Arrays.fill(otherMaster, (byte) 5);
            assertThat(new JdbcTerminalMacKeys(database, otherMaster, Clock.systemUTC()).rewrapFromLegacyKey(new byte[32]))
                    .as("a row under neither key is left alone, not a reason to stop the hub").isZero();
            assertThat(underMaster.keyOf(identity(a))).contains(MacKey.ofHex(KEY));
        }
    }
}
