package io.loyaltyhub.hub.portal;

import io.loyaltyhub.hub.http.HttpProblems;
import org.apache.camel.Processor;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The merchant portal's page of its own gifts and campaigns (docs/rewards.md), behind the merchant session check. */
final class MerchantRewardsRoutes extends EndpointRouteBuilder {
    private final Processor page;

    MerchantRewardsRoutes(Processor page) {
        this.page = page;
    }

    @Override
    public void configure() {
        from(platformHttp(MerchantRewardsPage.PATH).httpMethodRestrict("GET,POST").advanced().useBodyHandler(false))
                .routeId("portal-merchant-rewards")
                .routeConfigurationId(HttpProblems.ID)
                .process(page);
    }
}
