package io.loyaltyhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.loyaltyhub.adapters.csv.CsvBatchFileWriter;
import io.loyaltyhub.adapters.csv.CsvBatchLayout;
import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.poslog.PosLogClient;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.SlowTier;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import io.loyaltyhub.hub.broker.terminals.BrokerTerminalsExtension;
import io.loyaltyhub.hub.broker.terminals.MqttTerminal;
import io.loyaltyhub.hub.csv.CsvBatchChannel;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import io.loyaltyhub.hub.poslog.PosLogChannel;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.LoggerFactory;

/**
 * PCI DSS 3.3/3.4/3.5 (and 3.6.1.2, 8.3.2) evidence: known card numbers and track data go through every channel of a real hub
 * (HTTP JSON good and bad, ISO 8583 with field 2 and field 35, POSLog by HTTP and by file, CSV batch, MQTT
 * broker terminal, a Square webhook good and bad), and then the database (every row of every table, and H2's SCRIPT), the broker's data
 * directory (journal, paging, bindings, large messages: raw bytes, ASCII and UTF-16), the dead-letter queue,
 * the result files and everything logged are searched for them, and for a terminal's secrets and the master key.
 * Nothing may be found. The same search must
 * then find a number planted in each place, so the test cannot pass because it looked in the wrong place.
 */
@Slow
@ResourceLock(SlowTier.CAPTURED_LOGS)
class CardDataLeakScanTest {
    private final Iso8583Extension iso8583 = new Iso8583Extension();
    private final List<HubExtension> channels = List.of(iso8583, new PosLogChannel(), new CsvBatchChannel(),
            new BrokerTerminalsExtension(), new io.loyaltyhub.hub.webhook.WebhookChannel());

    @Test
    void noCardNumberOrTrackReachesDatabaseBrokerDeadLettersResultsOrLogsOnTheEmbeddedDatabase() throws Exception {
        scan(Map.of(), 7000);
    }

    @Test
    void noCardNumberOrTrackReachesDatabaseBrokerDeadLettersResultsOrLogsOnMySql() throws Exception {
        DatabaseConfig db = TestDatabases.freshMySql();
        try {
            scan(Map.of("hub.db.url", db.url(), "hub.db.user", db.user(), "hub.db.password", db.password()), 8000);
        } finally {
            TestDatabases.dropMySql(db);
        }
    }

    private void scan(Map<String, String> database, int serials) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(database);
        settings.putAll(Map.of("hub.iso8583.listeners", "binary-2:0", "hub.iso8583.host", "127.0.0.1",
                "hub.poslog.default-currency", "EUR", "hub.swipe.reply-timeout-ms", "15000"));
        Set<String> secrets = new LinkedHashSet<>();
        try (CapturedLogs logs = new CapturedLogs(); HubFixture fixture = HubFixture.start(settings, channels)) {
            HubFixture.Merchant shop = fixture.merchant();

            // HTTP JSON: keyed, Track 2, Track 1, and bad inputs that carry card data
            String keyed = secret(secrets, HubFixture.card(serials + 1));
            String swiped = secret(secrets, HubFixture.card(serials + 2));
            String track2 = secret(secrets, ";" + swiped + "=29121010000012345678?");
            secret(secrets, "29121010000012345678");
            String fromTrack1 = secret(secrets, HubFixture.card(serials + 3));
            String track1 = secret(secrets, "%B" + fromTrack1 + "^LEAKSCAN/TESTER^2912101000000000000000?");
            secret(secrets, "LEAKSCAN/TESTER");
            String badLuhn = secret(secrets, wrongCheckDigit(HubFixture.card(serials + 4)));
            String outOfRange = secret(secrets, "6280009912345674");
            assertThat(fixture.swipe(shop, json("h1", "cardNumber", keyed)).statusCode()).isEqualTo(200);
            assertThat(fixture.swipe(shop, json("h2", "track2", track2)).statusCode()).isEqualTo(200);
            assertThat(fixture.swipe(shop, json("h3", "track1", track1)).statusCode()).isEqualTo(200);
            assertThat(fixture.balanceOf(swiped)).as("Track 2 credits the card it carries").isEqualTo(12);
            assertThat(fixture.balanceOf(fromTrack1)).as("Track 1 credits the card it carries").isEqualTo(12);
            assertThat(fixture.swipe(shop, json("h4", "cardNumber", badLuhn)).statusCode()).isEqualTo(422);
            assertThat(fixture.swipe(shop, json("h5", "track2", ";" + badLuhn + "=2912101?")).statusCode()).isEqualTo(422);
            assertThat(fixture.swipe(shop, json("h6", "cardNumber", outOfRange)).statusCode()).isEqualTo(200);
            assertThat(fixture.swipe(shop, "{\"txnRef\":\"h7\",\"cardNumber\":\"" + keyed + "\",\"amount\":").statusCode())
                    .isEqualTo(400);
            assertThat(fixture.swipe(shop, "{\"" + keyed + "\":1}").statusCode()).isEqualTo(400);
            assertThat(fixture.swipe(shop, json("h8", "cardNumber", keyed).replace("\"amount\":1234", "\"amount\":-5"))
                    .statusCode()).isEqualTo(422);
            assertThat(fixture.post("Basic " + java.util.Base64.getEncoder().encodeToString(("x:" + keyed).getBytes()),
                    "application/json", json("h9", "cardNumber", keyed)).statusCode()).isEqualTo(401);

            // ISO 8583: field 2, field 35, and a bad check digit
            String isoPan = secret(secrets, HubFixture.card(serials + 5));
            String isoTrackPan = secret(secrets, HubFixture.card(serials + 6));
            secret(secrets, isoTrackPan + "=2912101");
            TerminalRequests requests = new TerminalRequests("T1", shop.code(), "978", Clock.systemUTC(), 1);
            int isoPort = iso8583.listeningPort(Framing.BINARY_2);
            try (Iso8583Client till = Iso8583Client.connect("127.0.0.1", isoPort, Framing.BINARY_2, Duration.ofSeconds(20), null)) {
                assertThat(till.exchange(requests.sale(isoPan, 1000)).response().field(39)).hasValue("00");
                assertThat(till.exchange(requests.sale(isoTrackPan + "=29121010000099", 1000)).response().field(39)).hasValue("00");
                assertThat(till.exchange(requests.sale(badLuhn, 1000)).response().field(39)).hasValue("14");
            }

            // POSLog over HTTP and as a dropped file
            String posLogHttp = secret(secrets, HubFixture.card(serials + 7));
            String posLogFile = secret(secrets, HubFixture.card(serials + 8));
            PosLogClient.Response posted = new PosLogClient(URI.create(fixture.baseUrl()), shop.till().credentialId(),
                    shop.till().secret(), Duration.ofSeconds(30)).post(posLog("P1", posLogHttp).getBytes(StandardCharsets.UTF_8));
            assertThat(posted.status()).isEqualTo(200);
            drop(fixture.dataDir().resolve("poslog/inbox").resolve(shop.code()), "day.xml", posLog("P2", posLogFile));

            // CSV batch, with a good line and a bad-check-digit line
            String csvCard = secret(secrets, HubFixture.card(serials + 9));
            drop(fixture.dataDir().resolve("csv/inbox").resolve(shop.code()), "eod.csv", CsvBatchLayout.HEADER + "\n"
                    + "S1,T1,C-1,SALE,2026-11-20T18:00:00+01:00," + csvCard + ",1234,EUR,\n"
                    + "S1,T1,C-2,SALE,2026-11-20T18:01:00+01:00," + badLuhn + ",1234,EUR,\n");

            // MQTT broker terminal: a sale, and a rejected message (dead-lettered as a redacted copy)
            String mqttCard = secret(secrets, HubFixture.card(serials + 10));
            try (MqttTerminal till = MqttTerminal.of(fixture.hub().mqttPort(), shop)) {
                till.listen(MqttTerminal.replyTopic(shop));
                till.publish(MqttTerminal.ingressTopic(shop), json("q1", "cardNumber", mqttCard));
                assertThat(till.nextReply(Duration.ofSeconds(30)).path("status").asText()).isEqualTo("approved");
                till.publish(MqttTerminal.ingressTopic(shop), json("q2", "cardNumber", badLuhn));
                assertThat(till.nextReply(Duration.ofSeconds(30)).path("code").asText()).isEqualTo("card-number-check-digit");
                till.publish(MqttTerminal.ingressTopic(shop), "{\"txnRef\":\"q3\",\"cardNumber\":\"" + mqttCard + "\",\"amount\":");
                assertThat(till.nextReply(Duration.ofSeconds(30)).path("status").asText()).isEqualTo("rejected");
            }

            // Cloud POS webhook (Square): a card in the payment note (spaced as a cashier types it), a refused
            // malformed body and a refused forged one that carry a card too; the provider's secret at rest.
            String webhookCard = secret(secrets, HubFixture.card(serials + 11));
            String webhookSecret = secret(secrets, "sq-leak-scan-signature-key-" + serials);
            String spaced = secret(secrets, webhookCard.substring(0, 4) + " " + webhookCard.substring(4, 8) + " "
                    + webhookCard.substring(8, 12) + " " + webhookCard.substring(12));
            new io.loyaltyhub.domain.webhook.WebhookConnections(fixture.hub().database(), fixture.hub().keys().masterKey(),
                    Clock.systemUTC()).connect(new io.loyaltyhub.domain.webhook.WebhookConnection(shop.id(), "square",
                    new io.loyaltyhub.domain.model.StoreId(fixture.queryLong("SELECT id FROM store WHERE merchant_id = ?",
                            shop.id().value())), new io.loyaltyhub.domain.model.TerminalId(shop.till().terminalId()), null,
                    "https://hub.example.com/square", webhookSecret.getBytes(StandardCharsets.UTF_8)));
            io.loyaltyhub.adapters.simulator.WebhookTill square = new io.loyaltyhub.adapters.simulator.WebhookTill(
                    URI.create(fixture.baseUrl()), "square", shop.code(), webhookSecret.getBytes(StandardCharsets.UTF_8),
                    "https://hub.example.com/square", null);
            assertThat(square.squareSale("leak-" + serials, "LEAK" + serials, 1000, "EUR", "Loyalty " + spaced, null,
                    java.time.OffsetDateTime.now()).status()).isEqualTo(200);
            byte[] malformed = ("{\"note\":\"" + webhookCard + "\",").getBytes(StandardCharsets.UTF_8);
            assertThat(square.post(malformed, square.headersFor(malformed)).status()).isEqualTo(400);
            assertThat(square.post(malformed, java.util.Map.of("x-square-hmacsha256-signature", "AAAA")).status()).isEqualTo(401);

            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(fixture.dataDir().resolve("csv/results")
                    .resolve(shop.code()).resolve("eod.csv.result.csv")) && Files.exists(fixture.dataDir()
                    .resolve("poslog/results").resolve(shop.code()).resolve("day.xml.result.xml")));
            await().atMost(Duration.ofSeconds(30)).until(() -> !fileHits(fixture.dataDir().resolve("csv/done"), List.of("")).isEmpty()
                    && !fileHits(fixture.dataDir().resolve("poslog/done"), List.of("")).isEmpty());
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.queryLong(
                    "SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", shop.id().value()) >= 10);

            // Secrets at rest: a terminal's credential secret, a signing secret, an ISO 8583 MAC key and the keystore's
            // master key must not be readable anywhere either (they are hashed, or wrapped by the master key).
            HubFixture.Merchant other = fixture.merchant();
            secret(secrets, shop.till().secret());
            secret(secrets, fixture.hub().signingKeys().generate(other.id(),
                    new io.loyaltyhub.domain.model.TerminalId(other.till().terminalId())));
            String macKey = "0123456789ABCDEFFEDCBA98765432" + String.format("%02d", serials % 100);
            new io.loyaltyhub.hub.iso8583.JdbcTerminalMacKeys(fixture.hub().database(), fixture.hub().keys().masterKey(),
                    Clock.systemUTC()).assign(other.id(), new io.loyaltyhub.domain.model.TerminalId(other.till().terminalId()), macKey);
            secret(secrets, macKey);
            secret(secrets, macKey.toLowerCase(java.util.Locale.ROOT));
            byte[] master = fixture.hub().keys().masterKey();
            secret(secrets, java.util.HexFormat.of().formatHex(master));
            secret(secrets, java.util.Base64.getEncoder().encodeToString(master));

            List<String> needles = List.copyOf(secrets);
            assertThat(databaseHits(fixture, needles)).as("database").isEmpty();
            assertThat(fileHits(fixture.dataDir().resolve("broker"), needles)).as("broker data directory").isEmpty();
            assertThat(deadLetterHits(fixture, needles)).as("dead letters").isEmpty();
            assertThat(fileHits(fixture.dataDir().resolve("csv/results"), needles)).as("CSV result files").isEmpty();
            assertThat(fileHits(fixture.dataDir().resolve("poslog/results"), needles)).as("POSLog result files").isEmpty();
            assertThat(fileHits(fixture.dataDir().resolve("csv/done"), needles)).as("processed CSV files").isEmpty();
            assertThat(fileHits(fixture.dataDir().resolve("poslog/done"), needles)).as("processed POSLog files").isEmpty();
            if (database.isEmpty()) {
                assertThat(fileHits(fixture.dataDir().resolve("db"), needles)).as("embedded database files").isEmpty();
            }
            assertThat(hits(logs.text(), needles)).as("logs").isEmpty();

            // The same search finds a number planted in each place.
            String planted = HubFixture.card(serials + 99);
            List<String> plantedNeedle = List.of(planted);
            fixture.hub().admin().createMerchant("plant" + serials, "planted " + planted);
            plantOnBroker(fixture, planted);
            LoggerFactory.getLogger("leak-scan").warn("planted {}", planted);
            Files.writeString(fixture.dataDir().resolve("csv/results").resolve("planted.csv"), planted);
            assertThat(databaseHits(fixture, plantedNeedle)).isNotEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> !fileHits(fixture.dataDir().resolve("broker"), plantedNeedle).isEmpty());
            assertThat(deadLetterHits(fixture, plantedNeedle)).isNotEmpty();
            assertThat(fileHits(fixture.dataDir().resolve("csv/results"), plantedNeedle)).isNotEmpty();
            assertThat(hits(logs.text(), plantedNeedle)).isNotEmpty();
        }
    }

    private static String secret(Set<String> secrets, String value) {
        secrets.add(value);
        return value;
    }

    private static String json(String ref, String field, String value) {
        return "{\"txnRef\":\"" + ref + "\",\"" + field + "\":\"" + value + "\",\"amount\":1234,\"currency\":\"EUR\"}";
    }

    private static String wrongCheckDigit(String card) {
        return card.substring(0, card.length() - 1) + (char) ('0' + (card.charAt(card.length() - 1) - '0' + 1) % 10);
    }

    private static String posLog(String sequence, String card) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<poslog:POSLog xmlns:poslog=\"http://www.nrf-arts.org/IXRetail/namespace/\">"
                + "<poslog:Transaction><poslog:RetailStoreID>S1</poslog:RetailStoreID><poslog:WorkstationID>T1</poslog:WorkstationID>"
                + "<poslog:SequenceNumber>" + sequence + "</poslog:SequenceNumber><poslog:EndDateTime>2026-11-20T18:45:10</poslog:EndDateTime>"
                + "<poslog:RetailTransaction Version=\"2.1\"><poslog:Customer><poslog:CustomerID>" + card
                + "</poslog:CustomerID></poslog:Customer><poslog:LineItem><poslog:Sale><poslog:ItemID>SKU-1</poslog:ItemID>"
                + "<poslog:ExtendedAmount>10.00</poslog:ExtendedAmount><poslog:Quantity>1</poslog:Quantity></poslog:Sale></poslog:LineItem>"
                + "<poslog:Total TotalType=\"TransactionGrandAmount\">10.00</poslog:Total></poslog:RetailTransaction>"
                + "</poslog:Transaction></poslog:POSLog>\n";
    }

    private static void drop(Path folder, String name, String content) throws IOException {
        CsvBatchFileWriter.drop(folder, name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every row of every table as text, and on H2 the SCRIPT dump too. */
    private static List<String> databaseHits(HubFixture fixture, List<String> needles) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (java.sql.Connection c = fixture.hub().database().connection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).as("the dump covers the schema").anyMatch(t -> t.equalsIgnoreCase("card"))
                    .anyMatch(t -> t.equalsIgnoreCase("purchase")).anyMatch(t -> t.equalsIgnoreCase("ledger_entry"));
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table); ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            dump.append(value instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : value).append('|');
                        }
                        dump.append('\n');
                    }
                }
            }
            if (!fixture.hub().database().config().isMySql()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT")) {
                    while (rs.next()) {
                        dump.append(rs.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
        }
        return hits(dump.toString(), needles);
    }

    /** Raw bytes of every file under a folder, searched as ASCII/UTF-8 and as UTF-16 (both byte orders). */
    private static List<String> fileHits(Path folder, List<String> needles) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.exists(folder)) {
            return found;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException gone) {
                continue; // a journal file compacted away while we walked
            }
            for (String needle : needles) {
                for (Charset charset : List.of(StandardCharsets.US_ASCII, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                    if (indexOf(bytes, needle.getBytes(charset)) >= 0) {
                        found.add(needle + " in " + folder.relativize(file) + " (" + charset + ")");
                    }
                }
            }
        }
        return found;
    }

    private static List<String> deadLetterHits(HubFixture fixture, List<String> needles) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = fixture.hub().openBrokerConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(BrokerAddresses.DEAD_LETTERS))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    Message m = (Message) messages.nextElement();
                    if (m instanceof TextMessage t) {
                        text.append(t.getText());
                    } else if (m instanceof jakarta.jms.BytesMessage b) {
                        byte[] body = new byte[(int) b.getBodyLength()];
                        b.readBytes(body);
                        text.append(new String(body, StandardCharsets.UTF_8));
                    }
                    for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements(); ) {
                        String name = (String) names.nextElement();
                        text.append(' ').append(name).append('=').append(m.getObjectProperty(name));
                    }
                    text.append('\n');
                }
            }
        }
        return hits(text.toString(), needles);
    }

    /** A planted number as a JMS text message on the dead-letter queue: Artemis keeps it as UTF-16 in its journal. */
    private static void plantOnBroker(HubFixture fixture, String planted) throws Exception {
        try (Connection connection = fixture.hub().openBrokerConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(BrokerAddresses.DEAD_LETTERS));
            producer.send(session.createTextMessage("planted " + planted));
        }
    }

    private static List<String> hits(String text, List<String> needles) {
        return needles.stream().filter(text::contains).toList();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Everything logged while the hub runs, at DEBUG for the hub's own classes: formatted messages and exception chains. */
    private static final class CapturedLogs implements AutoCloseable {
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final Logger hub = (Logger) LoggerFactory.getLogger("io.loyaltyhub");
        private final Level previous = hub.getLevel();
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        CapturedLogs() {
            appender.start();
            root.addAppender(appender);
            hub.setLevel(Level.DEBUG);
        }

        String text() {
            StringBuilder out = new StringBuilder();
            for (ILoggingEvent e : List.copyOf(appender.list)) {
                out.append(e.getFormattedMessage());
                for (IThrowableProxy p = e.getThrowableProxy(); p != null; p = p.getCause()) {
                    out.append(" | ").append(p.getClassName()).append(": ").append(p.getMessage());
                }
                out.append('\n');
            }
            return out.toString();
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            hub.setLevel(previous);
        }
    }
}
