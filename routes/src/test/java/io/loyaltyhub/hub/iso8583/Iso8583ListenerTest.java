package io.loyaltyhub.hub.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.Iso8583Codec;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.LoyaltyData;
import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.simulator.Iso8583Simulator;
import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.terminal.JdbcTerminalDirectory;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.SlowTier;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.CapturedLogs;
import io.loyaltyhub.hub.intake.IntakeRoutes;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import picocli.CommandLine;

/**
 * The listener on real sockets, with the real codec, the real terminal directory, MAC key store, card
 * reader and points engine on an embedded H2 database. The gateway here applies transactions straight
 * through the engine instead of over the broker (the broker path is covered by the hub end-to-end test);
 * one listener's gateway never answers, to show what a terminal is told when the engine is late.
 */
@ResourceLock(SlowTier.CAPTURED_LOGS)
class Iso8583ListenerTest {

    private static final String KEK = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String TERMINAL_MAC_KEY = "0123456789ABCDEFFEDCBA9876543210";

    private static Database database;
    private static CoalitionFixture coalition;
    private static CamelContext camel;
    private static ExecutorService engineThread;
    private static CoalitionFixture.TestMerchant plain;
    private static CoalitionFixture.TestMerchant keyed;
    private static int binaryPort;
    private static int asciiPort;
    private static int latePort;
    private static int unusableKeysPort;
    private static int idlePort;
    private static int serial;

    @BeforeAll
    static void startListeners() throws Exception {
        database = Database.open(TestDatabases.h2());
        coalition = new CoalitionFixture(database);
        plain = coalition.merchant("PLAIN");
        keyed = coalition.merchant("KEYED");
        JdbcTerminalMacKeys macKeys = new JdbcTerminalMacKeys(database, KEK, Clock.systemUTC());
        macKeys.assign(keyed.id(), keyed.terminal(), TERMINAL_MAC_KEY);

        PointsEngine engine = new PointsEngine(database, IdGenerator.forNode(2), Clock.systemUTC(), 3);
        engineThread = Executors.newSingleThreadExecutor();
        SwipeGateway throughTheEngine = transaction -> new Submitted(CompletableFuture.completedFuture(null),
                CompletableFuture.supplyAsync(() -> engine.apply(transaction), engineThread));
        SwipeGateway neverAnswers = transaction -> new Submitted(CompletableFuture.completedFuture(null), new CompletableFuture<>());

        JdbcTerminalDirectory terminals = new JdbcTerminalDirectory(database, Clock.systemUTC(), Duration.ofMinutes(1));
        TerminalMacKeys unusable = terminal -> {
            throw new IllegalStateException("the MAC key of terminal " + terminal.terminalId().value() + " does not unwrap");
        };
        Iso8583Listener late = Iso8583Listener.create(settings("late", Framing.BINARY_2, Duration.ofMillis(300)),
                terminals, macKeys, coalition.cards(), Clock.systemUTC());
        List<Iso8583Listener> listeners = List.of(
                Iso8583Listener.create(settings("binary", Framing.BINARY_2, Duration.ofSeconds(10)),
                        terminals, macKeys, coalition.cards(), Clock.systemUTC()),
                Iso8583Listener.create(settings("ascii", Framing.ASCII_4, Duration.ofSeconds(10)),
                        terminals, macKeys, coalition.cards(), Clock.systemUTC()),
                Iso8583Listener.create(settings("unusable-keys", Framing.BINARY_2, Duration.ofSeconds(10)),
                        terminals, unusable, coalition.cards(), Clock.systemUTC()),
                Iso8583Listener.create(new Iso8583ListenerSettings("idle", "127.0.0.1", 0, Framing.ASCII_4, 4096,
                                Duration.ofSeconds(1), false, Duration.ofSeconds(2)),
                        terminals, macKeys, coalition.cards(), Clock.systemUTC()));
        camel = new DefaultCamelContext();
        camel.addRoutes(new Iso8583Errors());
        camel.addRoutes(new IntakeRoutes(throughTheEngine));
        camel.addRoutes(new IntakeRoutes("direct:intake-never-answering", "intake-never-answering", neverAnswers));
        Iso8583Routes routes = new Iso8583Routes(listeners);
        Iso8583Routes lateRoutes = new Iso8583Routes(List.of(late), "direct:intake-never-answering");
        camel.addRoutes(routes);
        camel.addRoutes(lateRoutes);
        camel.start();
        binaryPort = routes.listeningPort("binary");
        asciiPort = routes.listeningPort("ascii");
        latePort = lateRoutes.listeningPort("late");
        unusableKeysPort = routes.listeningPort("unusable-keys");
        idlePort = routes.listeningPort("idle");
    }

    @AfterAll
    static void stop() {
        camel.stop();
        engineThread.shutdownNow();
        database.close();
    }

    @Test
    void aSaleEarnsPointsAndTheAnswerCarriesThemWithTheBalance() throws Exception {
        String card = newCard();
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            Iso8583Client.Exchange sale = till.exchange(requests(plain).sale(card, 1250));

            assertThat(sale.response().mti()).isEqualTo("0210");
            assertThat(sale.responseCode()).isEqualTo("00");
            assertThat(sale.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(12);
            assertThat(sale.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(12);
            assertThat(sale.response().has(2)).as("card number is not echoed").isFalse();
        }
        assertThat(ledgerPoints(card)).isEqualTo(12);
    }

    @Test
    void aRepeatedSaleGetsTheFirstAnswerAndEarnsNothingMore() throws Exception {
        String card = newCard();
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            Iso8583Message sale = requests(plain).sale(card, 2000);
            Iso8583Client.Exchange first = till.exchange(sale);
            Iso8583Client.Exchange repeat = till.exchange(TerminalRequests.asRepeat(sale));
            Iso8583Client.Exchange sameAgain = till.exchange(sale);

            assertThat(repeat.response().fields()).isEqualTo(first.response().fields());
            assertThat(sameAgain.response().fields()).isEqualTo(first.response().fields());
            assertThat(first.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(20);
        }
        assertThat(ledgerPoints(card)).isEqualTo(20);
    }

    @Test
    void aReversalUndoesTheSale() throws Exception {
        String card = newCard();
        TerminalRequests requests = requests(plain);
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            Iso8583Message sale = requests.sale(card, 5000);
            till.exchange(sale);
            Iso8583Client.Exchange reversal = till.exchange(requests.reversal(sale, false));
            Iso8583Client.Exchange reversalAdviceRepeat = till.exchange(requests.reversal(sale, true).withMti("0421"));

            assertThat(reversal.response().mti()).isEqualTo("0410");
            assertThat(reversal.responseCode()).isEqualTo("00");
            assertThat(reversal.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(-50);
            assertThat(reversal.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(0);
            assertThat(reversalAdviceRepeat.response().mti()).isEqualTo("0430");
            assertThat(reversalAdviceRepeat.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(0);
        }
        assertThat(ledgerPoints(card)).isZero();
    }

    @Test
    void refundsBalanceInquiriesAndRedemptionsMovePointsAsTheirProcessingCodesSay() throws Exception {
        String card = newCard();
        TerminalRequests requests = requests(plain);
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            Iso8583Message sale = requests.sale(card, 10000);
            till.exchange(sale);
            Iso8583Client.Exchange refund = till.exchange(requests.refundOf(sale, card, 2000));
            Iso8583Client.Exchange redemption = till.exchange(requests.redemption(card, 30));
            Iso8583Client.Exchange tooMuch = till.exchange(requests.redemption(card, 1000));
            Iso8583Client.Exchange balance = till.exchange(requests.balanceInquiry(card));

            assertThat(refund.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(-20);
            assertThat(redemption.responseCode()).isEqualTo("00");
            assertThat(redemption.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(50);
            assertThat(tooMuch.responseCode()).isEqualTo("51");
            assertThat(tooMuch.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(50);
            assertThat(balance.responseCode()).isEqualTo("00");
            assertThat(balance.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(0);
            assertThat(balance.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(50);
        }
        assertThat(ledgerPoints(card)).isEqualTo(50);
    }

    @Test
    void aMalformedMessageIsAnswered30CreditsNothingAndTheConnectionLivesOn() throws Exception {
        String card = newCard();
        TerminalRequests requests = requests(plain);
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            String good = new String(new Iso8583Codec().encode(requests.sale(card, 9900)), StandardCharsets.US_ASCII);
            byte[] lettersInTheAmount = good.replace("000000009900", "0000000099X0").getBytes(StandardCharsets.US_ASCII);
            int localDate = good.indexOf("010" + "T1      ") - 4;
            byte[] lettersInTheLocalDate = (good.substring(0, localDate) + "X" + good.substring(localDate + 1))
                    .getBytes(StandardCharsets.US_ASCII);

            Iso8583Message amountAnswer = new Iso8583Codec().decode(till.exchangeRaw(lettersInTheAmount));
            Iso8583Message localDateAnswer = new Iso8583Codec().decode(till.exchangeRaw(lettersInTheLocalDate));

            assertThat(amountAnswer.mti()).isEqualTo("0210");
            assertThat(amountAnswer.field(39)).contains("30");
            assertThat(localDateAnswer.field(39)).contains("30");
            assertThat(localDateAnswer.field(11)).as("STAN, read before the fault, echoed so the till can match it").isPresent();
            Iso8583Client.Exchange nextSale = till.exchange(requests.sale(card, 100));
            assertThat(nextSale.responseCode()).as("same connection still served").isEqualTo("00");
        }
        assertThat(ledgerPoints(card)).as("only the 1-point sale after it").isEqualTo(1);
    }

    @Test
    void anOversizedLengthHeaderClosesTheConnectionAndCreditsNothing() throws Exception {
        String card = newCard();
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            byte[] sale = new Iso8583Codec().encode(requests(plain).sale(card, 4200));
            byte[] frame = new byte[2 + sale.length];
            frame[0] = (byte) 0xFF;
            frame[1] = (byte) 0xFF;
            System.arraycopy(sale, 0, frame, 2, sale.length);
            till.writeUnframed(frame);

            assertThat(till.closedByPeer()).isTrue();
        }
        assertThat(ledgerPoints(card)).isZero();
    }

    @Test
    void anAsciiHeaderThatIsNotDigitsClosesTheConnection() throws Exception {
        try (Iso8583Client till = connect(asciiPort, Framing.ASCII_4, null)) {
            till.writeUnframed("00x50800".getBytes(StandardCharsets.US_ASCII));

            assertThat(till.closedByPeer()).isTrue();
        }
    }

    @Test
    void echoTestsAndKeepAlivesAreAnsweredOnTheAsciiListener() throws Exception {
        try (Iso8583Client till = connect(asciiPort, Framing.ASCII_4, null)) {
            Iso8583Client.Exchange echo = till.exchange(requests(plain).echo());

            assertThat(echo.response().mti()).isEqualTo("0810");
            assertThat(echo.responseCode()).isEqualTo("00");
            assertThat(echo.response().field(70)).contains("301");
            assertThat(echo.response().field(11)).isEqualTo(echo.request().field(11));
            assertThat(till.keepAlive()).isTrue();
        }
    }

    @Test
    void anUnreadableMtiClosesTheConnection() throws Exception {
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            till.writeUnframed(Framing.BINARY_2.frame("HELLO".getBytes(StandardCharsets.US_ASCII)));

            assertThat(till.closedByPeer()).isTrue();
        }
    }

    @Test
    void aConnectionSilentForTheIdleTimeoutIsClosedButKeepAlivesKeepItOpen() throws Exception {
        try (Iso8583Client silent = connect(idlePort, Framing.ASCII_4, null);
             Iso8583Client talking = connect(idlePort, Framing.ASCII_4, null)) {
            long started = System.nanoTime();
            // every poll sends a keep-alive; done once 3 s (more than the 2 s idle timeout) have passed
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> talking.keepAlive() && Duration.ofNanos(System.nanoTime() - started).toMillis() >= 3000);

            assertThat(talking.keepAlive()).as("kept open by its keep-alives").isTrue();
            assertThat(silent.closedByPeer()).as("closed after 2 s of silence").isTrue();
        }
    }

    @Test
    void anUnknownTerminalIsNotPermitted() throws Exception {
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            TerminalRequests stranger = new TerminalRequests("T9", "PLAIN", "978", Clock.systemUTC(), 1);

            assertThat(till.exchange(stranger.sale(newCard(), 1000)).responseCode()).isEqualTo("58");
        }
    }

    @Test
    void anInvalidCardNumberIsAnswered14() throws Exception {
        String card = newCard();
        String wrongCheckDigit = card.substring(0, 15) + (char) ('0' + (card.charAt(15) - '0' + 1) % 10);
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            assertThat(till.exchange(requests(plain).sale(wrongCheckDigit, 1000)).responseCode()).isEqualTo("14");
        }
    }

    @Test
    void aTerminalWithAMacKeyMustSignAndItsAnswersAreSigned() throws Exception {
        String card = newCard();
        TerminalRequests requests = requests(keyed);
        try (Iso8583Client unsigned = connect(binaryPort, Framing.BINARY_2, null)) {
            assertThat(unsigned.exchange(requests.sale(card, 1000)).responseCode()).isEqualTo("58");
        }
        try (Iso8583Client wrongKey = connect(binaryPort, Framing.BINARY_2, MacKey.ofHex("00112233445566778899AABBCCDDEEFF"))) {
            assertThat(wrongKey.exchange(requests.sale(card, 1000)).responseCode()).isEqualTo("58");
        }
        assertThat(ledgerPoints(card)).isZero();
        try (Iso8583Client signing = connect(binaryPort, Framing.BINARY_2, MacKey.ofHex(TERMINAL_MAC_KEY))) {
            Iso8583Client.Exchange sale = signing.exchange(requests.sale(card, 1000));

            assertThat(sale.responseCode()).isEqualTo("00");
            assertThat(sale.response().has(64)).as("answer signed (and verified by the client)").isTrue();
        }
        assertThat(ledgerPoints(card)).isEqualTo(10);
    }

    @Test
    void anOfflineAdviceIsTakenAndAnswered0230() throws Exception {
        String card = newCard();
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            Iso8583Client.Exchange advice = till.exchange(TerminalRequests.asAdvice(requests(plain).sale(card, 700)));

            assertThat(advice.response().mti()).isEqualTo("0230");
            assertThat(advice.responseCode()).isEqualTo("00");
        }
        assertThat(ledgerPoints(card)).isEqualTo(7);
    }

    @Test
    void whenTheEngineIsLateASaleIsApprovedPendingAndABalanceInquiryIs96() throws Exception {
        try (Iso8583Client till = connect(latePort, Framing.BINARY_2, null)) {
            Iso8583Client.Exchange sale = till.exchange(requests(plain).sale(newCard(), 1000));
            Iso8583Client.Exchange balance = till.exchange(requests(plain).balanceInquiry(newCard()));

            assertThat(sale.responseCode()).isEqualTo("00");
            assertThat(sale.loyaltyData().element(LoyaltyData.STATUS)).contains(LoyaltyData.STATUS_PENDING);
            assertThat(balance.responseCode()).isEqualTo("96");
        }
    }

    @Test
    void aKeyThatCannotBeUsedIsASystemErrorNeverAPassAndTheConnectionLivesOn() throws Exception {
        String card = newCard();
        try (Iso8583Client till = connect(unusableKeysPort, Framing.BINARY_2, null)) {
            assertThat(till.exchange(requests(plain).sale(card, 1000)).responseCode()).isEqualTo("96");
            assertThat(till.exchange(requests(plain).echo()).responseCode()).isEqualTo("00");
        }
        assertThat(ledgerPoints(card)).isZero();
    }

    @Test
    void cardNumbersNeverReachTheLogEvenAtDebug() throws Exception {
        String card = newCard();
        try (CapturedLogs logs = new CapturedLogs(); Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            TerminalRequests requests = requests(plain);
            till.exchange(requests.sale(card, 1000));
            till.exchange(requests.sale(card + "=29121010000", 1000));
            String bad = new String(new Iso8583Codec().encode(requests.sale(card, 1000)), StandardCharsets.US_ASCII) + "??";
            till.exchangeRaw(bad.getBytes(StandardCharsets.US_ASCII));

            await().untilAsserted(() -> assertThat(logs.text()).contains("answered 30"));
            assertThat(logs.text()).contains("answered 0210 00").doesNotContain(card).doesNotContain(card.substring(0, 12));
        }
    }

    @Test
    void listenersConfiguredOnPortZeroEachSayWhichPortTheyGot() {
        assertThat(java.util.Set.of(binaryPort, asciiPort, latePort, unusableKeysPort, idlePort)).hasSize(5)
                .allSatisfy(port -> assertThat(port).isPositive());
        assertThatThrownBy(() -> new Iso8583Routes(List.of()).listeningPort("binary"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ISO 8583 listener is named binary");
    }

    @Test
    void theSimulatorDrivesTheListenerFromTheCommandLine() {
        StringWriter output = new StringWriter();
        int exit = new CommandLine(new Iso8583Simulator()).setOut(new PrintWriter(output)).execute(
                "sale", "--port", Integer.toString(asciiPort), "--framing", "ascii-4", "-t", "T1", "-m", "PLAIN",
                "--card", newCard(), "--amount", "3000", "--repeat", "--reverse");

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString())
                .contains("response code 00, points +30, balance 30")
                .contains("response code 00, points -30, balance 0");
    }

    /** A listener on a port the operating system chooses (read back with {@link Iso8583Routes#listeningPort}). */
    private static Iso8583ListenerSettings settings(String name, Framing framing, Duration timeout) {
        return new Iso8583ListenerSettings(name, "127.0.0.1", 0, framing, 4096, timeout, false, Duration.ZERO);
    }

    private static TerminalRequests requests(CoalitionFixture.TestMerchant merchant) {
        return new TerminalRequests("T1", merchant == plain ? "PLAIN" : "KEYED", "978", Clock.systemUTC(), ++serial * 1000);
    }

    private static Iso8583Client connect(int port, Framing framing, MacKey key) throws IOException {
        return Iso8583Client.connect("127.0.0.1", port, framing, Duration.ofSeconds(10), key);
    }

    private static synchronized String newCard() {
        return CoalitionFixture.cardNumber(++serial + 5000);
    }

    /** Sum of the ledger for the account of this card; 0 when the card has no account yet. */
    private static long ledgerPoints(String card) throws SQLException {
        String token = coalition.cards().read(card).token().hash();
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(l.points), 0) FROM ledger_entry l JOIN card k ON k.account_id = l.account_id"
                     + " WHERE k.token = '" + token + "'")) {
            rs.next();
            long points = rs.getLong(1);
            c.rollback();
            return points;
        }
    }
}
