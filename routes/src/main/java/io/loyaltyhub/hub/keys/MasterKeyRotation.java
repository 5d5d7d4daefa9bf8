package io.loyaltyhub.hub.keys;

import io.loyaltyhub.domain.member.DataKeys;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.hub.http.TerminalSigningKeys;
import io.loyaltyhub.hub.iso8583.JdbcTerminalMacKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Replaces the master key (PCI DSS 3.7.4): a new key is added to the keystore beside the old one, every row
 * wrapped by the master key (data keys, terminal signing secrets, ISO 8583 MAC keys) is re-wrapped under it, and
 * only then does the new key replace the old one in the store. Each step skips rows already under the new key, so
 * an interrupted rotation is completed by running it again; until then the hub refuses to start. Hub nodes must be
 * stopped while it runs (they hold the old key in memory).
 */
public final class MasterKeyRotation {
    private MasterKeyRotation() {
    }

    public record Result(int dataKeys, int signingSecrets, int macKeys) {
    }

    public static Result rotate(HubKeyStore keys, Database database) {
        byte[] current = keys.masterKey();
        byte[] next = keys.prepareMasterKeyRotation();
        int dataKeys;
        int signingSecrets;
        try (Connection c = database.connection()) {
            try {
                dataKeys = new DataKeys(database, current, new IdGenerator(0), Clock.systemUTC()).rewrapUnder(c, next);
                signingSecrets = new TerminalSigningKeys(database, current, Clock.systemUTC(), Duration.ZERO).rewrapUnder(c, next);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("re-wrapping under the new master key failed (run the rotation again): "
                    + e.getMessage(), e);
        }
        int macKeys = new JdbcTerminalMacKeys(database, next, Clock.systemUTC()).rewrapFromLegacyKey(current);
        keys.completeMasterKeyRotation();
        return new Result(dataKeys, signingSecrets, macKeys);
    }
}
