package io.loyaltyhub.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.admin.MasterKeyRewrap;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merchants' provider secrets, sealed under the master key and bound to merchant and provider, on the embedded database. */
class WebhookConnectionsTest {
    private static final byte[] MASTER = CoalitionFixture.filled(3);
    private static final byte[] NEXT_MASTER = CoalitionFixture.filled(4);
    private static final byte[] SECRET = "Ibxx_5AKakO-3qeNVR61Dw".getBytes(StandardCharsets.UTF_8);

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

    private WebhookConnection squareOf(CoalitionFixture.TestMerchant m) {
        return new WebhookConnection(m.id(), "square", m.store(), m.terminal(), "ML-" + m.id().value(),
                "https://hub.example.com/webhooks/v1/square/x", SECRET);
    }

    @Test
    void aSecretIsStoredSealedAndReadBackOnlyForItsMerchantAndProvider() throws SQLException {
        WebhookConnections connections = new WebhookConnections(database, MASTER, Clock.systemUTC());

        connections.connect(squareOf(a));

        assertThat(connections.find(a.id(), "square")).contains(squareOf(a));
        assertThat(connections.find(a.id(), "shopify")).isEmpty();
        assertThat(connections.find(b.id(), "square")).isEmpty();
        assertThat(storedSecrets()).doesNotContain("Ibxx_5AKakO");
    }

    @Test
    void aSealedSecretCopiedToAnotherMerchantDoesNotOpen() throws SQLException {
        WebhookConnections connections = new WebhookConnections(database, MASTER, Clock.systemUTC());
        connections.connect(squareOf(a));
        connections.connect(new WebhookConnection(b.id(), "square", b.store(), b.terminal(), null, "https://x", "other".getBytes()));

        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_connection SET wrapped_secret = (SELECT wrapped_secret FROM webhook_connection WHERE merchant_id = ?) "
                        + "WHERE merchant_id = ?")) {
            ps.setLong(1, a.id().value());
            ps.setLong(2, b.id().value());
            ps.executeUpdate();
            c.commit();
        }

        assertThatThrownBy(() -> connections.find(b.id(), "square")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void aTerminalOfAnotherMerchantCannotBeConnected() {
        WebhookConnections connections = new WebhookConnections(database, MASTER, Clock.systemUTC());

        assertThatThrownBy(() -> connections.connect(new WebhookConnection(a.id(), "square", b.store(), b.terminal(), null,
                "https://x", SECRET))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMasterKeyRotationMovesWebhookSecretsToTheNextKey() {
        new WebhookConnections(database, MASTER, Clock.systemUTC()).connect(squareOf(a));

        MasterKeyRewrap.Moved moved = MasterKeyRewrap.rewrap(database, MASTER, NEXT_MASTER);

        assertThat(moved.webhookSecrets()).isEqualTo(1);
        assertThat(new WebhookConnections(database, NEXT_MASTER, Clock.systemUTC()).find(a.id(), "square")).contains(squareOf(a));
        assertThat(MasterKeyRewrap.rewrap(database, NEXT_MASTER, NEXT_MASTER).webhookSecrets()).isZero();
    }

    private String storedSecrets() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("SELECT wrapped_secret FROM webhook_connection");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.append(rs.getString(1));
            }
            c.rollback();
        }
        return all.toString();
    }
}
