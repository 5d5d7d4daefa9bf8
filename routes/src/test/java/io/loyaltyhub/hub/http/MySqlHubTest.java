package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole hub on a MySQL-compatible server through MySQL Connector/J: swipe, copy, refund. */
@Slow
class MySqlHubTest {

    @Test
    void theHubCreditsSwipesOnMySql() {
        DatabaseConfig db = TestDatabases.freshMySql();
        try (HubFixture fixture = HubFixture.start(Map.of("hub.db.url", db.url(), "hub.db.user", db.user(),
                "hub.db.password", db.password()), List.of())) {
            Merchant m = fixture.merchant();
            String card = HubFixture.card(4242);
            String sale = "{\"txnRef\":\"my-1\",\"cardNumber\":\"" + card + "\",\"amount\":12345,\"currency\":\"EUR\"}";

            String first = fixture.swipe(m, sale).body();
            String again = fixture.swipe(m, sale).body();
            String refund = fixture.swipe(m, "{\"txnRef\":\"my-2\",\"type\":\"REFUND\",\"cardNumber\":\"" + card
                    + "\",\"amount\":4000,\"currency\":\"EUR\",\"originalTxnRef\":\"my-1\"}").body();

            assertThat(first).contains("\"points\":123").contains("\"balance\":123");
            assertThat(again).contains("\"balance\":123").contains("\"duplicate\":true");
            assertThat(refund).contains("\"points\":-39").contains("\"balance\":84");
            assertThat(fixture.balanceOf(card)).isEqualTo(84);
        } finally {
            TestDatabases.dropMySql(db);
        }
    }
}
