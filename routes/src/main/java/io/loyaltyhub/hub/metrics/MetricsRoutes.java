package io.loyaltyhub.hub.metrics;

import io.loyaltyhub.hub.http.ResponseBodies;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * {@code GET /metrics}: the hub's meters as Prometheus text, for the operator's scraper. Like {@code /health} it asks
 * for no credentials: a scraper has none of the hub's, and what it reads is aggregate — counts and times of the whole
 * node, no label names a merchant, store, terminal or card. An operator whose HTTP port faces the internet keeps
 * {@code /metrics} (with {@code /health}) to the inside at the proxy, as docs/operations.md says.
 */
public final class MetricsRoutes extends EndpointRouteBuilder {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry meters;

    public MetricsRoutes(PrometheusMeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void configure() {
        from(platformHttp("/metrics").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("hub-metrics")
                .process(this::scrape);
    }

    private void scrape(Exchange exchange) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, PROMETHEUS_TEXT);
        out.setHeader("Cache-Control", "no-store");
        out.setBody(ResponseBodies.whole(meters.scrape().getBytes(StandardCharsets.UTF_8)));
    }
}
