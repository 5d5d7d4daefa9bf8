package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.adapters.webhook.WebhookProvider;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.terminal.JdbcTerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.webhook.WebhookConnection;
import io.loyaltyhub.domain.webhook.WebhookConnections;
import io.loyaltyhub.domain.webhook.WebhookEvent;
import io.loyaltyhub.domain.webhook.WebhookEvents;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Cloud POS webhooks (docs/webhooks.md): connecting a merchant's provider account, and what its events became. */
final class WebhookCommands {
    private WebhookCommands() {
    }

    @Command(name = "webhook-connect", mixinStandardHelpOptions = true,
            description = "Connect a merchant's Square, Shopify, Loyverse or Lightspeed account: store the provider's webhook signing secret "
                    + "(read from standard input unless --secret is given) under the master key, and print the URL to "
                    + "give the provider.")
    static final class Connect implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--provider", required = true, description = "square, shopify, loyverse or lightspeed") String provider;
        @Option(names = "--currency", description = "loyverse and lightspeed (required there): the currency of the "
                + "account's amounts, ISO 4217 (their webhooks name none)") String currency;
        @Option(names = "--terminal", required = true,
                description = "the merchant's terminal code its webhook sales are credited as (its store goes with it)")
        String terminal;
        @Option(names = "--account", description = "the provider account whose events are accepted: Square's merchant "
                + "id, the shop's myshopify.com domain, Loyverse's merchant_id or Lightspeed's domain_prefix (recommended; without it, any account signed with this secret)")
        String account;
        @Option(names = "--notification-url", description = "Square only (required there): the notification URL exactly "
                + "as entered in Square's webhook subscription (Square signs it)") String notificationUrl;
        @Option(names = "--secret", description = "the signing secret (Square's signature key; Shopify's, Loyverse's or Lightspeed's app client secret); "
                + "better piped on standard input, so it stays out of the shell history") String secret;

        @Override
        public Integer call() throws IOException {
            WebhookProvider chosen = WebhookProvider.byCode(provider.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new IllegalArgumentException("provider must be square, shopify, loyverse or lightspeed"));
            String theCurrency = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
            if (chosen.needsCurrency() && theCurrency == null) {
                throw new IllegalArgumentException("--currency is required for " + chosen.code()
                        + ": its amounts name no currency");
            }
            if (!chosen.needsCurrency()) {
                theCurrency = null;
            }
            if (chosen == WebhookProvider.SQUARE && (notificationUrl == null || notificationUrl.isBlank())) {
                throw new IllegalArgumentException("--notification-url is required for square: Square signs it");
            }
            String given = secret != null ? secret
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (given == null || given.isBlank()) {
                throw new IllegalArgumentException("no secret given (pipe it on standard input, or use --secret)");
            }
            HubSettings s = settings.load();
            byte[] master = HubKeys.open(s).masterKey();
            try (Database db = Database.open(s.databaseConfig(2))) {
                TerminalIdentity till = new JdbcTerminalDirectory(db, Clock.systemUTC(), Duration.ZERO)
                        .findTerminalAcrossMerchants(merchant, terminal)
                        .orElseThrow(() -> new IllegalArgumentException("no active terminal " + terminal + " of merchant " + merchant));
                new WebhookConnections(db, master, Clock.systemUTC()).connect(new WebhookConnection(till.merchantId(),
                        chosen.code(), till.storeId(), till.terminalId(), blankToNull(account),
                        chosen == WebhookProvider.SQUARE ? notificationUrl : null, given.trim().getBytes(StandardCharsets.UTF_8), theCurrency));
            }
            System.out.printf("%s connected for merchant %s (credited as terminal %s)%n  webhook URL: https://<this hub's "
                    + "public address>/webhooks/v1/%s/%s%n", chosen.code(), merchant, terminal, chosen.code(), merchant);
            if (chosen == WebhookProvider.SQUARE) {
                System.out.printf("  it must be exactly the notification URL given: %s%n", notificationUrl);
            }
            return 0;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    @Command(name = "webhook-events", mixinStandardHelpOptions = true,
            description = "List a merchant's webhook events, newest first, with what each became: credited, declined "
                    + "(with the engine's code), no-card (with where the hub looked), ignored (with why) or pending.")
    static final class Events implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--status", description = "only events in this state: pending, credited, declined, no-card, ignored")
        String status;
        @Option(names = "--limit", defaultValue = "50", description = "at most this many (default 50)") int limit;

        @Override
        public Integer call() {
            Optional<WebhookEvent.Status> only = Optional.ofNullable(status)
                    .map(text -> WebhookEvent.Status.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
            HubSettings s = settings.load();
            try (Database db = Database.open(s.databaseConfig(2))) {
                MerchantId id = new CoalitionAdmin(db, s.ids(IdSource.COMMAND_LINE), Clock.systemUTC()).merchantByCode(merchant);
                int listed = 0;
                for (WebhookEvent e : new WebhookEvents(db).latest(id, only, limit)) {
                    System.out.printf("%s %s %s %s%s%s%n", e.provider(), e.eventId(), e.eventType(),
                            e.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            e.transaction() == null ? "" : " " + e.transaction().type() + " " + e.transaction().txnRef()
                                    + " ****" + e.transaction().card().token().last4()
                                    + (e.resultCode() == null ? "" : " " + e.resultCode() + " " + e.points() + " points"),
                            e.detail() == null ? "" : ": " + e.detail());
                    listed++;
                }
                System.out.printf("%d event(s)%n", listed);
            }
            return 0;
        }
    }
}
