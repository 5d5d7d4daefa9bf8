package io.loyaltyhub.hub.swipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import org.junit.jupiter.api.Test;

/**
 * The gateway answers copies without touching the database on the swipe's path: a recent copy from memory, an
 * older one (here: sent again after a restart, so the node's memory is empty while the broker's duplicate
 * detection still drops the copy) from the database once no reply comes. Either way: the first answer, marked
 * as a duplicate, and nothing credited twice.
 */
@Slow
class AnswersAcrossRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String sale(String ref, String card) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":4321,"
                + "\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\"}";
    }

    @Test
    void aCopyOfASwipeAnsweredBeforeARestartGetsTheFirstAnswer() throws Exception {
        try (HubFixture fixture = HubFixture.start()) {
            Merchant books = fixture.merchant();
            String card = HubFixture.card(880_001);
            JsonNode first = JSON.readTree(fixture.swipe(books, sale("r-1", card)).body());
            JsonNode recent = JSON.readTree(fixture.swipe(books, sale("r-1", card)).body());

            fixture.restart();
            var afterRestart = fixture.swipe(books, sale("r-1", card));

            assertThat(first.get("duplicate").asBoolean()).isFalse();
            assertThat(recent.get("duplicate").asBoolean()).isTrue();
            assertThat(afterRestart.statusCode()).isEqualTo(200);
            JsonNode older = JSON.readTree(afterRestart.body());
            assertThat(older.get("duplicate").asBoolean()).isTrue();
            for (JsonNode copy : new JsonNode[] {recent, older}) {
                assertThat(copy.get("points").asLong()).isEqualTo(first.get("points").asLong()).isEqualTo(43);
                assertThat(copy.get("balance").asLong()).isEqualTo(first.get("balance").asLong());
            }
            assertThat(fixture.balanceOf(card)).isEqualTo(43);
            assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = ?", "r-1")).isEqualTo(1);
        }
    }
}
