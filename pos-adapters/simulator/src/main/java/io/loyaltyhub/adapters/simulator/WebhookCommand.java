package io.loyaltyhub.adapters.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * POS simulator: sends one cloud POS webhook (Square, Shopify, Loyverse or Lightspeed X-Series), built from the provider's example body and signed
 * with the merchant's secret exactly as the provider signs, so a merchant can try its connection (docs/webhooks.md).
 */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "Send a signed Square, Shopify, Loyverse or Lightspeed webhook (a paid sale, a refund, a "
                + "cancellation or, for Loyverse, a customer) to the hub and print its answer.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the hub acknowledged the event (2xx)", "1:the hub refused it", "2:the command line is wrong"})
public final class WebhookCommand implements Callable<Integer> {
    /** Read from the environment rather than the command line, so it stays out of shell history and process lists. */
    static final String SECRET_VARIABLE = "LOYALTY_WEBHOOK_SECRET";

    @Option(names = "--hub", defaultValue = "http://localhost:8080", description = "the hub's base URL (default: ${DEFAULT-VALUE})")
    URI hub;
    @Option(names = "--provider", required = true, description = "square, shopify, loyverse or lightspeed") String provider;
    @Option(names = "--merchant", required = true, description = "the merchant's code (the last part of its webhook URL)")
    String merchant;
    @Option(names = "--secret", description = "the signing secret (default: the " + SECRET_VARIABLE + " environment variable)")
    String secret;
    @Option(names = "--notification-url", description = "square: the notification URL Square signs (default: the URL posted to)")
    String notificationUrl;
    @Option(names = "--account", description = "the provider account: Square merchant id, the shop's myshopify.com "
            + "domain, Loyverse merchant_id, Lightspeed domain_prefix")
    String account;
    @Option(names = "--event", defaultValue = "sale", description = "sale, refund, cancellation (shopify, loyverse, "
            + "lightspeed) or customer (loyverse: the card as a customer's code) (default: ${DEFAULT-VALUE})")
    String event;
    @Option(names = "--order", description = "the sale's id at the provider (Square payment id, Shopify order id); "
            + "Loyverse receipt number, Lightspeed sale id); a refund or cancellation names the sale's (default: a new "
            + "one for a sale)") String order;
    @Option(names = "--card", description = "the loyalty card number, put where the provider carries it (Square: the "
            + "payment note; Shopify: a \"Loyalty card\" note attribute; Lightspeed: the customer's code; Loyverse: the "
            + "customer's code in --event customer)") String card;
    @Option(names = "--customer", description = "loyverse: the customer's id (a receipt's customer_id, or the customer "
            + "of --event customer)") String customer;
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
        if (!List.of("square", "shopify", "loyverse", "lightspeed").contains(provider)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--provider must be square, shopify, loyverse or lightspeed");
        }
        if (!event.equals("sale") && !event.equals("customer") && order == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a " + event + " needs --order (the sale's id)");
        }
        WebhookTill till = new WebhookTill(hub, provider, merchant, theSecret.getBytes(StandardCharsets.UTF_8),
                notificationUrl, account);
        String id = eventId != null ? eventId : UUID.randomUUID().toString();
        if (order == null) {
            order = switch (provider) {
                case "square" -> "SIM" + UUID.randomUUID().toString().replace("-", "");
                case "loyverse" -> "SIM-" + UUID.randomUUID().toString().substring(0, 8);
                case "lightspeed" -> UUID.randomUUID().toString();
                default -> String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
            };
        }
        spec.commandLine().getOut().printf("%s %s %s, event %s%n", provider, event, order, id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        WebhookTill.Delivery delivery = switch (provider) {
            case "square" -> square(till, id, now);
            case "shopify" -> shopify(till, id, now);
            case "loyverse" -> loyverse(till, now);
            default -> lightspeed(till, now);
        };
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

    /** Loyverse: no event id of its own (its receipts are keyed by receipt number). */
    private WebhookTill.Delivery loyverse(WebhookTill till, OffsetDateTime now) {
        String receipt = "SIM-" + UUID.randomUUID().toString().substring(0, 8);
        return switch (event) {
            case "sale" -> till.loyverseReceipts(now, WebhookTill.loyverseReceipt(order, "SALE", amount, currency, customer, now));
            case "refund" -> till.loyverseReceipts(now, WebhookTill.loyverseReceipt(receipt, "REFUND", amount, currency,
                    customer, now).json("refund_for", order));
            case "cancellation" -> till.loyverseReceipts(now, WebhookTill.loyverseReceipt(order, "SALE", amount, currency,
                    customer, now).json("cancelled_at", now.toString()));
            case "customer" -> {
                if (customer == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "a Loyverse customer needs --customer");
                }
                yield till.loyverseCustomer(customer, card, email, now);
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--event must be sale, refund, cancellation or customer");
        };
    }

    /** Lightspeed X-Series: sale.update with the sale CLOSED, a return (negative, return_for) or VOIDED. */
    private WebhookTill.Delivery lightspeed(WebhookTill till, OffsetDateTime now) {
        return switch (event) {
            case "sale" -> till.lightspeed("sale.update", WebhookTill.lightspeedSale(order, "CLOSED", amount, currency, card, now)
                    .json("email", email));
            case "refund" -> till.lightspeed("sale.update", WebhookTill.lightspeedSale(UUID.randomUUID().toString(), "CLOSED",
                    -amount, currency, card, now).json("return_for", order).with("quantity", -1));
            case "cancellation" -> till.lightspeed("sale.update", WebhookTill.lightspeedSale(order, "VOIDED", amount,
                    currency, card, now));
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--event must be sale, refund or cancellation");
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
