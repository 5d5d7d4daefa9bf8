package io.loyaltyhub.hub.webhook;

import io.loyaltyhub.domain.member.CardAccounts;
import io.loyaltyhub.domain.webhook.WebhookConnections;
import io.loyaltyhub.domain.webhook.WebhookCustomerCards;
import io.loyaltyhub.domain.webhook.WebhookEvents;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.config.HubSettings;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * Cloud POS systems (Square, Shopify POS, Loyverse, Lightspeed Retail X-Series) that send signed webhooks when a sale is paid, refunded or cancelled:
 * POST /webhooks/v1/{provider}/{merchant}, one address per provider and merchant, each event stored before it is
 * acknowledged and credited through the intake after. Documented in docs/webhooks.md.
 */
public final class WebhookChannel implements HubExtension {

    @Override
    public void checkSettings(HubSettings settings) {
        WebhookSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        WebhookSettings settings = WebhookSettings.from(ports.settings());
        WebhookEvents events = new WebhookEvents(ports.database());
        WebhookDeliveries deliveries = new WebhookDeliveries(ports.merchantByCode(),
                new WebhookConnections(ports.database(), ports.keys().masterKey(), ports.clock()),
                settings.maxBodyBytes(), settings.maxEventAge(), ports.clock());
        LoyaltyCardFinder cards = new LoyaltyCardFinder(ports.cardReader(), ports.memberContacts(),
                new CardAccounts(ports.database()));
        return List.of(new WebhookRoutes(deliveries, new WebhookEventRecording(events, cards,
                new WebhookCustomerCards(ports.database()), deliveries, ports.clock()),
                new WebhookCrediting(events, ports.clock(), settings.retryPending()), settings.creditTimeout(),
                settings.retryPending()));
    }
}
