package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the answer takes longer than the reply timeout, the terminal hears "accepted, pending" and the swipe is still credited. */
@Slow
class PendingReplyTest {

    @Test
    void aSlowAnswerIsRepliedAsPendingAndCreditedAnyway() {
        try (HubFixture fixture = HubFixture.start(Map.of("hub.swipe.reply-timeout-ms", "0"), List.of())) {
            Merchant m = fixture.merchant();
            String card = HubFixture.card(77);
            HttpResponse<String> response = fixture.swipe(m, "{\"txnRef\":\"p-1\",\"cardNumber\":\"" + card
                    + "\",\"amount\":2500,\"currency\":\"EUR\"}");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).contains("\"status\":\"pending\"").contains("accepted-pending");
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'p-1' AND result = 'APPROVED'") == 1);
            assertThat(fixture.balanceOf(card)).isEqualTo(25);
        }
    }
}
