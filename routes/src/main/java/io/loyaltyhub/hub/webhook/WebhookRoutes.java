package io.loyaltyhub.hub.webhook;

import io.loyaltyhub.hub.http.HttpProblems;
import io.loyaltyhub.hub.intake.AwaitVerdict;
import io.loyaltyhub.hub.intake.IntakeRoutes;
import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * Cloud POS webhooks (docs/webhooks.md):
 *
 * <pre>
 *   platform-http POST /webhooks/v1/{provider}/{merchant}
 *     → identifyConnection → readBody → checkSignature → readEvents → record (durable, each event) → 200
 *     → (each pending event, after the answer) direct:webhook-credit
 *   direct:webhook-credit   → toTransaction → (a refund: once its sale is settled) direct:intake → AwaitVerdict → settle
 *   timer webhook-pending   → pendingEvents → each to direct:webhook-credit (after a crash or an outage)
 * </pre>
 */
final class WebhookRoutes extends EndpointRouteBuilder {
    static final String PATH = "/webhooks/v1/{provider}/{merchant}";
    static final String ROUTE_ID = "webhook-delivery";
    static final String CREDIT_URI = "direct:webhook-credit";

    private final WebhookDeliveries deliveries;
    private final WebhookEventRecording recording;
    private final WebhookCrediting crediting;
    private final Duration creditTimeout;
    private final Duration retryPending;

    WebhookRoutes(WebhookDeliveries deliveries, WebhookEventRecording recording, WebhookCrediting crediting,
                  Duration creditTimeout, Duration retryPending) {
        this.deliveries = deliveries;
        this.recording = recording;
        this.crediting = crediting;
        this.creditTimeout = creditTimeout;
        this.retryPending = retryPending;
    }

    @Override
    public void configure() {
        // No body handler: the connection is found from the path first, then the body is read within its limit.
        from(platformHttp(PATH).httpMethodRestrict("POST").advanced().useBodyHandler(false))
                .routeId(ROUTE_ID)
                .routeConfigurationId(HttpProblems.ID)
                .process(deliveries::identifyConnection)
                .process(deliveries::readBody)
                .process(deliveries::checkSignature)
                .process(deliveries::readEvents)
                .process(recording::record)
                .split(exchangeProperty(WebhookEventRecording.PENDING))
                    .wireTap(CREDIT_URI)
                .end();

        // The event is stored and stays pending until settled: a failure here is retried by the pending sweep, not lost.
        from(CREDIT_URI)
                .routeId("webhook-credit")
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "webhook event ${exchangeProperty." + WebhookCrediting.EVENT_ID
                            + "} left pending, credited again later: ${exception.message}")
                .end()
                .process(crediting::toTransaction)
                .filter(crediting::originalSettled)
                    .to(IntakeRoutes.URI)
                    .process(new AwaitVerdict(creditTimeout))
                    .process(crediting::settle)
                .end();

        from(timer("webhook-pending").delay(1000).period(retryPending.toMillis()))
                .routeId("webhook-pending")
                .process(crediting::pendingEvents)
                .split(body())
                    .to(CREDIT_URI)
                .end();
    }
}
