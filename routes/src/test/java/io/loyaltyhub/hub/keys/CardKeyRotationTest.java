package io.loyaltyhub.hub.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.card.CardRekeyJob;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A card key rotation end to end on a real hub: cards stored under version 1 are still recognised after the
 * hub restarts on version 2 (and stay on version 1, as new cards do, until re-keying starts, so nodes still on
 * version 1 find them too), the re-key job moves them all, version 1 is retired, and every balance survives.
 * And the same while the hub runs (issue 12, item 17): it reads the rotated keystore by itself and keeps every
 * card on its account.
 */
@Slow
class CardKeyRotationTest {

    @Test
    void cardsKeepTheirAccountsThroughRotationRekeyAndRetirement() {
        Path dataDir;
        HubFixture.Merchant shop;
        String seen = HubFixture.card(11);
        String unseen = HubFixture.card(12);
        try (HubFixture hub = HubFixture.start()) {
            dataDir = hub.dataDir();
            shop = hub.merchant();
            assertThat(hub.swipe(shop, sale("r1", seen, 1000)).statusCode()).isEqualTo(200);
            assertThat(hub.swipe(shop, sale("r2", unseen, 2000)).statusCode()).isEqualTo(200);
            assertThat(hub.queryLong("SELECT COUNT(*) FROM card WHERE key_version = 1")).isEqualTo(2);
            byte[] derived = hub.hub().derivedKey("report-pseudonyms");
            assertThat(derived).hasSize(32);
        }
        var settings = io.loyaltyhub.hub.config.HubSettings.load(null, Map.of("hub.data-dir", dataDir.toString()));
        assertThat(HubKeys.open(settings).rotateCardKey()).isEqualTo(2);

        try (HubFixture hub = HubFixture.startIn(dataDir, Map.of(), List.of())) {
            var body = hub.swipe(shop, sale("r3", seen, 500)).body();
            assertThat(body).contains("\"balance\":15");
            assertThat(hub.queryLong("SELECT key_version FROM card WHERE last4 = ?", seen.substring(12))).isEqualTo(1);
            assertThat(hub.queryLong("SELECT key_version FROM card WHERE last4 = ?", unseen.substring(12))).isEqualTo(1);
        }

        List<String> progress = new ArrayList<>();
        CardRekeyJob.Result result = io.loyaltyhub.hub.cli.KeyCommandsAccess.rekey(settings, HubKeys.open(settings), progress::add);
        assertThat(result.cardsRekeyed()).isEqualTo(2);
        assertThat(result.cardsLeft()).isZero();
        assertThat(progress).anyMatch(line -> line.startsWith("done:"));
        HubKeys.open(settings).retireCardKey(1);

        try (HubFixture hub = HubFixture.startIn(dataDir, Map.of(), List.of())) {
            assertThat(hub.queryLong("SELECT COUNT(*) FROM card WHERE key_version = 2")).isEqualTo(2);
            assertThat(hub.swipe(shop, sale("r4", unseen, 100)).body()).contains("\"balance\":21");
            assertThat(hub.count("member_account")).isEqualTo(2);
        }
    }

    @Test
    void rotatingAndReKeyingWhileTheHubRunsKeepsEveryCardOnItsAccount() {
        String card = HubFixture.card(21);
        String fresh = HubFixture.card(22);
        try (HubFixture hub = HubFixture.start(Map.of("hub.keystore.refresh-seconds", "0"), List.of())) {
            HubFixture.Merchant shop = hub.merchant();
            assertThat(hub.swipe(shop, sale("w1", card, 1000)).body()).contains("\"balance\":10");
            var settings = io.loyaltyhub.hub.config.HubSettings.load(null, Map.of("hub.data-dir", hub.dataDir().toString()));

            HubKeys.open(settings).rotateCardKey();
            CardRekeyJob.Result result = io.loyaltyhub.hub.cli.KeyCommandsAccess.rekey(settings, HubKeys.open(settings), line -> { });

            assertThat(result.cardsRekeyed()).isEqualTo(1);
            assertThat(hub.swipe(shop, sale("w2", card, 500)).body()).contains("\"balance\":15");
            assertThat(hub.swipe(shop, sale("w3", fresh, 700)).body()).contains("\"balance\":7");
            assertThat(hub.count("card")).isEqualTo(2);
            assertThat(hub.count("member_account")).isEqualTo(2);
            assertThat(hub.queryLong("SELECT COUNT(*) FROM card WHERE key_version = 2")).isEqualTo(2);
        }
    }

    private static String sale(String ref, String card, long amount) {
        return "{\"txnRef\":\"" + ref + "\",\"cardNumber\":\"" + card + "\",\"amount\":" + amount + ",\"currency\":\"EUR\"}";
    }
}
