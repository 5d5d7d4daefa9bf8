package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route itself: advised by its routeId to observe what it answers, waited on with NotifyBuilder. */
@Slow
class PosHttpRouteTest {
    private static HubFixture fixture;

    @BeforeAll
    static void startHub() throws Exception {
        fixture = HubFixture.start();
        AdviceWith.adviceWith(fixture.hub().camel(), "pos-http-transactions",
                route -> route.onCompletion().to("mock:answered"));
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    @Test
    void everyRequestLeavesTheRouteWithAStatusAndNeverWithACardNumber() throws Exception {
        Merchant m = fixture.merchant();
        MockEndpoint answered = fixture.hub().camel().getEndpoint("mock:answered", MockEndpoint.class);
        answered.reset();
        answered.expectedMessageCount(2);
        NotifyBuilder done = new NotifyBuilder(fixture.hub().camel()).fromRoute("pos-http-transactions").whenDone(2).create();

        fixture.swipe(m, "{\"txnRef\":\"r-1\",\"cardNumber\":\"" + HubFixture.card(5) + "\",\"amount\":700,\"currency\":\"EUR\"}");
        fixture.swipe(m, "not json");

        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        answered.assertIsSatisfied();
        assertThat(answered.getExchanges()).extracting(e -> e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE))
                .containsExactly(200, 400);
        assertThat(answered.getExchanges()).allSatisfy(e ->
                assertThat(new String(e.getMessage().getBody(byte[].class))).doesNotContain(HubFixture.card(5)));
    }
}
