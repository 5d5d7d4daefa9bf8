package io.loyaltyhub.adapters.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * POS simulator: sends one cloud POS webhook (Square or Shopify), built from the provider's example body and signed
 * with the merchant's secret exactly as the provider signs, so a merchant can try its connection (docs/webhooks.md).
 */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "Send a signed Square or Shopify webhook (a paid sale, a refund or a cancellation) to the hub and print its answer.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the hub acknowledged the event (2xx)", "1:the hub refused it", "2:the command line is wrong"})
public final class WebhookCommand implements Callable<Integer> {
    /** Read from the environment rather than the command line, so it stays out of shell history and process lists. */
    static final String SECRET_VARIABLE = "LOYALTY_WEBHOOK_SECRET";

    @Option(names = "--hub", defaultValue = "http://localhost:8080", description = "the hub's base URL (default: ${DEFAULT-VALUE})")
    URI hub;
    @Option(names = "--provider", required = true, description = "square or shopify") String provider;
    @Option(names = "--merchant", required = true, description = "the merchant's code (the last part of its webhook URL)")
    String merchant;
    @Option(names = "--secret", description = "the signing secret (default: the " + SECRET_VARIABLE + " environment variable)")
    String secret;
    @Option(names = "--notification-url", description = "square: the notification URL Square signs (default: the URL posted to)")
    String notificationUrl;
    @Option(names = "--account", description = "the provider account: Square merchant id, or the shop's myshopify.com domain")
    String account;
    @Option(names = "--event", defaultValue = "sale", description = "sale, refund or cancellation (shopify) (default: ${DEFAULT-VALUE})")
    String event;
    @Option(names = "--order", description = "the sale's id at the provider (Square payment id, Shopify order id); "
            + "a refund or cancellation names the sale's (default: a new one for a sale)") String order;
    @Option(names = "--card", description = "the loyalty card number, put where the provider carries it (Square: the "
            + "payment note; Shopify: a \"Loyalty card\" note attribute)") String card;
    @Option(names = "--email", description = "the customer's email (for a member found by email instead of a card)")
    String email;
    @Option(names = "--amount", defaultValue = "1999", description = "minor units (default: ${DEFAULT-VALUE})") long amount;
    @Option(names = "--currency", defaultValue = "EUR", description = "currency (default: ${DEFAULT-VALUE})") String currency;
    @Option(names = "--event-id", description = "the event's id (default: a new one; give an earlier one to resend it)")
    String eventId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String theSecret = secret != null ? secret : System.getenv(SECRET_VARIABLE);
        if (theSecret == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --secret or set " + SECRET_VARIABLE);
        }
        if (!provider.equals("square") && !provider.equals("shopify")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--provider must be square or shopify");
        }
        if (!event.equals("sale") && order == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a " + event + " needs --order (the sale's id)");
        }
        WebhookTill till = new WebhookTill(hub, provider, merchant, theSecret.getBytes(StandardCharsets.UTF_8),
                notificationUrl, account);
        String id = eventId != null ? eventId : UUID.randomUUID().toString();
        if (order == null) {
            order = provider.equals("square") ? "SIM" + UUID.randomUUID().toString().replace("-", "")
                    : String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
        }
        spec.commandLine().getOut().printf("%s %s %s, event %s%n", provider, event, order, id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        WebhookTill.Delivery delivery = provider.equals("square") ? square(till, id, now) : shopify(till, id, now);
        spec.commandLine().getOut().printf("%s -> HTTP %d%n%s%n", till.address(), delivery.status(), delivery.body());
        return delivery.status() / 100 == 2 ? 0 : 1;
    }

    private WebhookTill.Delivery square(WebhookTill till, String id, OffsetDateTime now) {
        return switch (event) {
            case "sale" -> till.squareSale(id, order, amount, currency, card == null ? null : "Loyalty card " + card, email, now);
            case "refund" -> till.squareRefund(id, order, order + "_R" + UUID.randomUUID().toString().replace("-", ""),
                    amount, currency, now);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "square sends sale or refund (a Square sale is undone by its refund)");
        };
    }

    private WebhookTill.Delivery shopify(WebhookTill till, String id, OffsetDateTime now) {
        long orderId;
        try {
            orderId = Long.parseLong(order);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a Shopify --order is a number");
        }
        return switch (event) {
            case "sale" -> till.shopifySale(id, orderId, amount, currency, card, email, now);
            case "refund" -> till.shopifyRefund(id, orderId, Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L),
                    amount, currency, now);
            case "cancellation" -> till.shopifyCancellation(id, orderId, currency, now);
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--event must be sale, refund or cancellation");
        };
    }
}
