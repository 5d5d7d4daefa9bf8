package io.loyaltyhub.hub.http;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** hub.http.signing-required=true: a terminal without a signing key is refused. */
@Slow
class SigningRequiredTest {

    @Test
    void aTerminalWithoutASigningKeyIsRefused() {
        try (HubFixture strict = HubFixture.start(Map.of("hub.http.signing-required", "true"), List.of())) {
            HubFixture.Merchant m = strict.merchant();
            SignedRequestTest.assertProblem(strict.swipe(m, "{\"txnRef\":\"r1\",\"cardNumber\":\"" + HubFixture.card(1)
                    + "\",\"amount\":1000,\"currency\":\"EUR\"}"), "signing-key-missing");
        }
    }
}
