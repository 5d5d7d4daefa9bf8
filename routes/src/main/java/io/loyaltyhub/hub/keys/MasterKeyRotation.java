package io.loyaltyhub.hub.keys;

import io.loyaltyhub.domain.admin.MasterKeyRewrap;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.hub.iso8583.JdbcTerminalMacKeys;
import java.time.Clock;

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

    public record Result(int dataKeys, int signingSecrets, int macKeys, int webhookSecrets) {
    }

    public static Result rotate(HubKeyStore keys, Database database) {
        byte[] current = keys.masterKey();
        byte[] next = keys.prepareMasterKeyRotation();
        MasterKeyRewrap.Moved moved = MasterKeyRewrap.rewrap(database, current, next);
        int macKeys = new JdbcTerminalMacKeys(database, next, Clock.systemUTC()).rewrapFromLegacyKey(current);
        keys.completeMasterKeyRotation();
        return new Result(moved.dataKeys(), moved.signingSecrets(), macKeys, moved.webhookSecrets());
    }
}
