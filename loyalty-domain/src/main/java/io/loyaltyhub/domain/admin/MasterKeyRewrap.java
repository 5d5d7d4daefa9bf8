package io.loyaltyhub.domain.admin;

import io.loyaltyhub.domain.member.DataKeys;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.terminal.WrappedTerminalSecrets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * The database half of a master key rotation: every members' data key, every terminal signing secret and every webhook secret still held
 * under the current master key is re-wrapped under the next one, in one transaction (rows already under the next key
 * are left alone, so an interrupted rotation is completed by running it again).
 */
public final class MasterKeyRewrap {
    /** How many rows moved to the next key. */
    public record Moved(int dataKeys, int signingSecrets, int webhookSecrets) {
    }

    private MasterKeyRewrap() {
    }

    public static Moved rewrap(Database database, byte[] currentMasterKey, byte[] nextMasterKey) {
        try (Connection c = database.connection()) {
            try {
                int dataKeys = new DataKeys(database, currentMasterKey, IdGenerator.forNode(0), Clock.systemUTC())
                        .rewrapUnder(c, nextMasterKey);
                int signingSecrets = new WrappedTerminalSecrets(database, WrappedTerminalSecrets.Kind.SIGNING_SECRET,
                        currentMasterKey, Clock.systemUTC(), Duration.ZERO).rewrapUnder(c, nextMasterKey);
                int webhookSecrets = new io.loyaltyhub.domain.webhook.WebhookConnections(database, currentMasterKey,
                        Clock.systemUTC()).rewrapUnder(c, nextMasterKey);
                c.commit();
                return new Moved(dataKeys, signingSecrets, webhookSecrets);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("re-wrapping under the new master key failed (run the rotation again): "
                    + e.getMessage(), e);
        }
    }
}
