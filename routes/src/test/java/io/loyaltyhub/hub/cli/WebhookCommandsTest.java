package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.SlowTier;
import io.loyaltyhub.domain.webhook.WebhookConnection;
import io.loyaltyhub.domain.webhook.WebhookConnections;
import io.loyaltyhub.domain.webhook.WebhookEvent;
import io.loyaltyhub.domain.webhook.WebhookEvents;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The operator connects a merchant's Square or Shopify account and lists what its events became. */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(SlowTier.STANDARD_INPUT)
class WebhookCommandsTest {
    @TempDir
    Path dir;


    @Test
    void webhookConnectStoresTheSecretReadFromStandardInputSealedForTheMerchantAndProvider() {
        Path data = onboardedShop();

        HubCommandRun square = run("sq-signature-key\n", "webhook-connect", "--merchant", "books", "--provider", "square",
                "--terminal", "WEB", "--account", "ML6PT9F9F2KE8", "--notification-url",
                "https://hub.example.com/webhooks/v1/square/books", "-s", "hub.data-dir=" + data);
        HubCommandRun shopify = run("", "webhook-connect", "--merchant", "books", "--provider", "shopify", "--terminal", "WEB",
                "--secret", "shpss_secret", "-s", "hub.data-dir=" + data);
        HubCommandRun lightspeed = run("ls-client-secret\n", "webhook-connect", "--merchant", "books", "--provider", "lightspeed",
                "--terminal", "WEB", "--account", "pagesandco", "--currency", "nzd", "-s", "hub.data-dir=" + data);

        assertThat(lightspeed.exitCode()).as(lightspeed.err()).isZero();
        assertThat(square.exitCode()).as(square.err()).isZero();
        assertThat(square.out()).contains("/webhooks/v1/square/books").doesNotContain("sq-signature-key");
        assertThat(shopify.exitCode()).as(shopify.err()).isZero();
        try (Database db = open(data)) {
            MerchantId books = new CoalitionAdmin(db, IdGenerator.forNode(900), Clock.systemUTC()).merchantByCode("books");
            WebhookConnections connections = new WebhookConnections(db,
                    HubKeys.open(settings(data)).masterKey(), Clock.systemUTC());
            WebhookConnection connected = connections.find(books, "square").orElseThrow();
            assertThat(new String(connected.secret(), StandardCharsets.UTF_8)).isEqualTo("sq-signature-key");
            assertThat(connected.accountRef()).isEqualTo("ML6PT9F9F2KE8");
            assertThat(connected.notificationUrl()).isEqualTo("https://hub.example.com/webhooks/v1/square/books");
            assertThat(new String(connections.find(books, "shopify").orElseThrow().secret(), StandardCharsets.UTF_8))
                    .isEqualTo("shpss_secret");
            assertThat(connections.find(books, "shopify").orElseThrow().currency()).isNull();
            WebhookConnection lightspeedAccount = connections.find(books, "lightspeed").orElseThrow();
            assertThat(new String(lightspeedAccount.secret(), StandardCharsets.UTF_8)).isEqualTo("ls-client-secret");
            assertThat(lightspeedAccount.currency()).isEqualTo("NZD");
            assertThat(lightspeedAccount.accountRef()).isEqualTo("pagesandco");
        }
    }

    @Test
    void aLoyverseConnectionWithoutItsCurrencyAndASquareConnectionWithoutItsUrlAreRefused() {
        Path data = onboardedShop();

        HubCommandRun loyverse = run("key\n", "webhook-connect", "--merchant", "books", "--provider", "loyverse", "--terminal", "WEB",
                "-s", "hub.data-dir=" + data);
        HubCommandRun squareWithoutUrl = run("key\n", "webhook-connect", "--merchant", "books", "--provider", "square",
                "--terminal", "WEB", "-s", "hub.data-dir=" + data);
        HubCommandRun otherMerchantsTill = run("key\n", "webhook-connect", "--merchant", "books", "--provider", "shopify",
                "--terminal", "NOPE", "-s", "hub.data-dir=" + data);

        assertThat(loyverse.exitCode()).isNotZero();
        assertThat(loyverse.err()).contains("--currency is required for loyverse");
        assertThat(squareWithoutUrl.err()).contains("--notification-url is required for square");
        assertThat(otherMerchantsTill.err()).contains("no active terminal NOPE of merchant books");
    }

    @Test
    void webhookEventsListsWhatEachEventBecameWithTheReason() {
        Path data = onboardedShop();
        try (Database db = open(data)) {
            MerchantId books = new CoalitionAdmin(db, IdGenerator.forNode(900), Clock.systemUTC()).merchantByCode("books");
            WebhookEvents events = new WebhookEvents(db);
            events.record(WebhookEvent.notCredited(books, "shopify", "wh-1", "orders/paid", WebhookEvent.Status.NO_CARD,
                    "no loyalty card in the event's notes"), Clock.systemUTC().instant());
            events.record(WebhookEvent.notCredited(books, "square", "ev-2", "customer.created", WebhookEvent.Status.IGNORED,
                    "event type not used for points"), Clock.systemUTC().instant());
        }

        HubCommandRun all = run("", "webhook-events", "--merchant", "books", "-s", "hub.data-dir=" + data);
        HubCommandRun noCard = run("", "webhook-events", "--merchant", "books", "--status", "no-card", "-s", "hub.data-dir=" + data);

        assertThat(all.out()).contains("shopify wh-1 orders/paid no-card: no loyalty card in the event's notes")
                .contains("square ev-2 customer.created ignored: event type not used for points").contains("2 event(s)");
        assertThat(noCard.out()).contains("wh-1").doesNotContain("ev-2").contains("1 event(s)");
    }

    private Path onboardedShop() {
        Path data = dir.resolve("hub-data");
        try (Database db = open(data)) {
            CoalitionAdmin admin = new CoalitionAdmin(db, IdGenerator.forNode(900), Clock.systemUTC());
            MerchantId books = admin.createMerchant("books", "Pages & Co.");
            admin.addStore(books, "B01", "Old Town");
            admin.addTerminal(books, "B01", "WEB");
        }
        assertThat(run("", "keys-init", "-s", "hub.data-dir=" + data).exitCode()).isZero();
        return data;
    }

    private static HubSettings settings(Path data) {
        return HubSettings.load(null, Map.of("hub.data-dir", data.toString()));
    }

    private static Database open(Path data) {
        return Database.open(settings(data).databaseConfig(2));
    }

    private static HubCommandRun run(String stdin, String... args) {
        return HubCommandRun.withInput(stdin, args);
    }
}
