package io.loyaltyhub.hub.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.adapters.simulator.HttpJsonTill;
import io.loyaltyhub.domain.member.MemberEnrolment;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.iso8583.JdbcTerminalMacKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A master key rotation on a real hub's data: every wrapped row opens under the new key, and nothing under the old. */
@Slow
class MasterKeyRotationTest {
    private static final String MAC_KEY = "0123456789ABCDEFFEDCBA9876543210";

    @Test
    void everyWrappedRowMovesToTheNewMasterKeyAndTheHubServesAsBefore() throws Exception {
        Path dataDir;
        HubFixture.Merchant shop;
        String signingSecret;
        long account;
        byte[] oldMaster;
        try (HubFixture hub = HubFixture.start()) {
            dataDir = hub.dataDir();
            shop = hub.merchant();
            String card = HubFixture.card(901);
            assertThat(hub.swipe(shop, "{\"txnRef\":\"k-1\",\"cardNumber\":\"" + card + "\",\"amount\":1000,\"currency\":\"EUR\"}")
                    .statusCode()).isEqualTo(200);
            account = hub.queryLong("SELECT account_id FROM card WHERE token = ?", hub.hub().cardReader().read(card).token().hash());
            hub.hub().members().enrolByMerchant(shop.id(), new MemberEnrolment(account, "Emmy Noether", "emmy@example.org", null,
                    null, Set.of(shop.id())));
            signingSecret = hub.hub().signingKeys().generate(shop.id(), new TerminalId(shop.till().terminalId()));
            new JdbcTerminalMacKeys(hub.hub().database(), hub.hub().keys().masterKey(), Clock.systemUTC())
                    .assign(shop.id(), new TerminalId(shop.till().terminalId()), MAC_KEY);
            oldMaster = hub.hub().keys().masterKey();
        }

        HubSettings settings = HubSettings.load(null, Map.of("hub.data-dir", dataDir.toString()));
        HubKeyStore keys = HubKeys.open(settings);
        keys.prepareMasterKeyRotation();
        assertThatThrownBy(() -> HubFixture.startIn(dataDir, Map.of(), List.of()))
                .as("an interrupted rotation stops the hub from starting").hasMessageContaining("keys-rotate-master-key");

        try (Database db = Database.open(DatabaseConfig.embedded(dataDir.resolve("db"), 2))) {
            // run again after the interruption: it completes with the key prepared then
            MasterKeyRotation.Result result = MasterKeyRotation.rotate(HubKeys.open(settings), db);
            assertThat(result).isEqualTo(new MasterKeyRotation.Result(1, 1, 1, 0));
        }
        assertThat(HubKeys.open(settings).masterKey()).isNotEqualTo(oldMaster);

        try (HubFixture hub = HubFixture.startIn(dataDir, Map.of(), List.of())) {
            assertThat(hub.hub().memberContacts().consentedContacts(shop.id(), List.of(account))).hasSize(1);
            HttpJsonTill till = new HttpJsonTill(hub.baseUrl(), shop.till().credentialId(), shop.till().secret(), signingSecret);
            assertThat(till.send(HttpJsonTill.sale("k-2", HubFixture.card(902), 500, "EUR")).get().statusCode()).isEqualTo(200);
            TerminalIdentity identity = new TerminalIdentity(shop.id(), shop.code(), new StoreId(1), "S1",
                    new TerminalId(shop.till().terminalId()), "T1");
            assertThat(new JdbcTerminalMacKeys(hub.hub().database(), hub.hub().keys().masterKey(), Clock.systemUTC()).keyOf(identity))
                    .contains(MacKey.ofHex(MAC_KEY));
            assertThatThrownBy(() -> new JdbcTerminalMacKeys(hub.hub().database(), oldMaster, Clock.systemUTC()).keyOf(identity))
                    .as("nothing opens under the old master key any more").isInstanceOf(IllegalStateException.class);
        }
    }
}
