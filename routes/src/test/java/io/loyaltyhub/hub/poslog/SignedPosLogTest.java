package io.loyaltyhub.hub.poslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.poslog.PosLogClient;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The POSLog HTTP endpoint checks request signatures like the JSON one. */
@Slow
class SignedPosLogTest {

    @Test
    void aSigningTerminalMustSignItsPosLogPostsAndIsServedWhenItDoes() throws Exception {
        try (HubFixture fixture = HubFixture.start(Map.of("hub.poslog.default-currency", "EUR"), List.of(new PosLogChannel()))) {
            HubFixture.Merchant shop = fixture.merchant();
            String secret = fixture.hub().signingKeys().generate(shop.id(), new TerminalId(shop.till().terminalId()));
            byte[] document = document(HubFixture.card(701)).getBytes(StandardCharsets.UTF_8);
            URI hub = URI.create(fixture.baseUrl());

            PosLogClient.Response unsigned = new PosLogClient(hub, shop.till().credentialId(), shop.till().secret(),
                    Duration.ofSeconds(30)).post(document);
            assertThat(unsigned.status()).isEqualTo(401);
            assertThat(unsigned.body()).contains("\"code\":\"signature-missing\"");

            PosLogClient.Response signed = new PosLogClient(hub, shop.till().credentialId(), shop.till().secret(),
                    Duration.ofSeconds(30), secret).post(document);
            assertThat(signed.status()).isEqualTo(200);
            assertThat(signed.body()).contains("approved");
        }
    }

    private static String document(String card) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<poslog:POSLog xmlns:poslog=\"http://www.nrf-arts.org/IXRetail/namespace/\">"
                + "<poslog:Transaction><poslog:RetailStoreID>S1</poslog:RetailStoreID><poslog:WorkstationID>T1</poslog:WorkstationID>"
                + "<poslog:SequenceNumber>1</poslog:SequenceNumber><poslog:EndDateTime>2026-11-20T18:45:10</poslog:EndDateTime>"
                + "<poslog:RetailTransaction Version=\"2.1\"><poslog:Customer><poslog:CustomerID>" + card
                + "</poslog:CustomerID></poslog:Customer><poslog:Total TotalType=\"TransactionGrandAmount\">10.00</poslog:Total>"
                + "</poslog:RetailTransaction></poslog:Transaction></poslog:POSLog>\n";
    }
}
