package io.loyaltyhub.hub.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.Iso8583Codec;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.LoyaltyData;
import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.simulator.Iso8583Simulator;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The ISO 8583 channel of the real hub: started from its settings with the ISO 8583 extension, embedded
 * Artemis, the engine consumer and an embedded H2 database; terminals talk to it over real sockets with
 * real bytes. Every swipe crosses the durable queue before the engine answers.
 */
@Slow
class Iso8583HubEndToEndTest {

    private static final String MAC_KEY = "0123456789ABCDEFFEDCBA9876543210";

    private static HubFixture fixture;
    private static String books;
    private static String pharma;
    private static int binaryPort;
    private static int asciiPort;
    private static int nextCard = 100;
    private static int nextStan = 1;

    @BeforeAll
    static void startHub() throws Exception {
        Iso8583Extension iso8583 = new Iso8583Extension();
        fixture = HubFixture.start(Map.of(
                "hub.swipe.reply-timeout-ms", "15000",
                "hub.iso8583.host", "127.0.0.1",
                "hub.iso8583.listeners", "binary-2:0,ascii-4:0"),
                List.of(iso8583));
        binaryPort = iso8583.listeningPort(Framing.BINARY_2);
        asciiPort = iso8583.listeningPort(Framing.ASCII_4);
        books = fixture.merchant().code();
        HubFixture.Merchant signing = fixture.merchant();
        pharma = signing.code();
        long terminal = fixture.hub().admin().addTerminal(signing.id(), "S1", "T2").terminalId();
        new JdbcTerminalMacKeys(fixture.hub().database(), fixture.hub().keys().masterKey(),
                Clock.systemUTC()).assign(signing.id(), new TerminalId(terminal), MAC_KEY);
    }

    @AfterAll
    static void stopHub() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aSaleCreditsPointsAndASecondCopyGetsTheFirstAnswer() throws Exception {
        String card = newCard();
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            Iso8583Message sale = till(books).sale(card, 12345);
            Iso8583Client.Exchange first = till.exchange(sale);
            Iso8583Client.Exchange repeat = till.exchange(TerminalRequests.asRepeat(sale));

            assertThat(first.response().mti()).isEqualTo("0210");
            assertThat(first.responseCode()).isEqualTo("00");
            assertThat(first.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(123);
            assertThat(first.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(123);
            assertThat(repeat.response().fields()).isEqualTo(first.response().fields());
        }
        assertThat(ledgerPoints(card)).isEqualTo(123);
        assertThat(purchases(card)).isEqualTo(1);
    }

    @Test
    void aReversalUndoesTheSale() throws Exception {
        String card = newCard();
        TerminalRequests requests = till(books);
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            Iso8583Message sale = requests.sale(card, 2500);
            till.exchange(sale);
            Iso8583Client.Exchange reversal = till.exchange(requests.reversal(sale, false));

            assertThat(reversal.response().mti()).isEqualTo("0410");
            assertThat(reversal.responseCode()).isEqualTo("00");
            assertThat(reversal.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(-25);
            assertThat(reversal.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(0);
        }
        assertThat(ledgerPoints(card)).isZero();
    }

    @Test
    void aBadMessageGets30CreditsNothingAndTheConnectionServesTheNextOne() throws Exception {
        String card = newCard();
        TerminalRequests requests = till(books);
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            String wire = new String(new Iso8583Codec().encode(requests.sale(card, 8800)), StandardCharsets.US_ASCII);
            byte[] amountWithLetters = wire.replace("000000008800", "00000000880O").getBytes(StandardCharsets.US_ASCII);

            Iso8583Message answer = new Iso8583Codec().decode(till.exchangeRaw(amountWithLetters));
            Iso8583Client.Exchange echo = till.exchange(requests.echo());

            assertThat(answer.mti()).isEqualTo("0210");
            assertThat(answer.field(39)).contains("30");
            assertThat(echo.responseCode()).isEqualTo("00");
        }
        assertThat(purchases(card)).isZero();
        assertThat(ledgerPoints(card)).isZero();
    }

    @Test
    void anOversizedLengthHeaderClosesTheConnectionAndCreditsNothing() throws Exception {
        String card = newCard();
        try (Iso8583Client till = connect(asciiPort, Framing.ASCII_4, null)) {
            byte[] sale = new Iso8583Codec().encode(till(books).sale(card, 1000));
            till.writeUnframed(("9999" + new String(sale, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));

            assertThat(till.closedByPeer()).isTrue();
        }
        assertThat(purchases(card)).isZero();
    }

    @Test
    void echoTestsAndKeepAlivesAreAnswered() throws Exception {
        try (Iso8583Client till = connect(asciiPort, Framing.ASCII_4, null)) {
            Iso8583Client.Exchange echo = till.exchange(till(books).echo());

            assertThat(echo.response().mti()).isEqualTo("0810");
            assertThat(echo.responseCode()).isEqualTo("00");
            assertThat(till.keepAlive()).isTrue();
            assertThat(till.exchange(till(books).echo()).responseCode()).isEqualTo("00");
        }
    }

    @Test
    void anOfflineAdviceIsAcceptedAndCredited() throws Exception {
        String card = newCard();
        try (Iso8583Client till = connect(binaryPort, Framing.BINARY_2, null)) {
            Iso8583Client.Exchange advice = till.exchange(TerminalRequests.asAdvice(till(books).sale(card, 600)));

            assertThat(advice.response().mti()).isEqualTo("0230");
            assertThat(advice.responseCode()).isEqualTo("00");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ledgerPoints(card)).isEqualTo(6));
    }

    @Test
    void aTerminalWithAMacKeyIsServedOnlyWhenItSigns() throws Exception {
        String card = newCard();
        TerminalRequests requests = new TerminalRequests("T2", pharma, "978", Clock.systemUTC(), 500);
        try (Iso8583Client unsigned = connect(binaryPort, Framing.BINARY_2, null)) {
            assertThat(unsigned.exchange(requests.sale(card, 1000)).responseCode()).isEqualTo("58");
        }
        try (Iso8583Client signing = connect(binaryPort, Framing.BINARY_2, MacKey.ofHex(MAC_KEY))) {
            Iso8583Client.Exchange sale = signing.exchange(requests.sale(card, 1000));

            assertThat(sale.responseCode()).isEqualTo("00");
            assertThat(sale.response().field(64)).isPresent();
        }
        assertThat(ledgerPoints(card)).isEqualTo(10);
    }

    @Test
    void aChipSaleWithExpiryPinBlockEmvDataAndAdditionalResponseDataIsServedOnBothFramings() throws Exception {
        String card = newCard();
        try (Iso8583Client binary = connect(binaryPort, Framing.BINARY_2, null);
                Iso8583Client ascii = connect(asciiPort, Framing.ASCII_4, null)) {
            Iso8583Client.Exchange onBinary = binary.exchange(asChipSale(till(books).sale(card, 1500), card, false));
            Iso8583Client.Exchange onAscii = ascii.exchange(asChipSale(till(books).sale(card, 2500), card, false));

            assertThat(onBinary.responseCode()).isEqualTo("00");
            assertThat(onBinary.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(15);
            assertThat(onAscii.responseCode()).isEqualTo("00");
            assertThat(onAscii.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(40);
            assertThat(onAscii.response().fields()).doesNotContainKeys(44, 52, 55);
        }
        assertThat(ledgerPoints(card)).isEqualTo(40);
    }

    @Test
    void aSignedChipSaleWithRawEmvBytesIsVerifiedOverEveryByteSent() throws Exception {
        String card = newCard();
        TerminalRequests requests = new TerminalRequests("T2", pharma, "978", Clock.systemUTC(), 900);
        try (Iso8583Client signing = connect(binaryPort, Framing.BINARY_2, MacKey.ofHex(MAC_KEY))) {
            Iso8583Client.Exchange sale = signing.exchange(asChipSale(requests.sale(card, 3000), card, true));

            assertThat(sale.responseCode()).isEqualTo("00");
            assertThat(sale.response().field(64)).isPresent();
        }
        assertThat(ledgerPoints(card)).isEqualTo(30);
    }

    /** What a chip terminal adds to a sale: expiry, entry mode 05x, card sequence, response data, PIN block, EMV TLVs. */
    private static Iso8583Message asChipSale(Iso8583Message sale, String card, boolean rawEmvBytes) {
        String emvHex = "9F0206000000001500" + "5A08" + card + "9F2608A1B2C3D4E5F60718" + "9F2701809F360200A1";
        String emv = rawEmvBytes ? new String(HexFormat.of().parseHex(emvHex), StandardCharsets.ISO_8859_1) : emvHex;
        return sale.with(14, "2912").with(22, "051").with(23, "001").with(44, "A5 OK").with(52, "0123456789ABCDEF")
                .with(55, emv);
    }

    @Test
    void theSimulatorDrivesTheHubFromTheCommandLine() throws Exception {
        String card = newCard();
        StringWriter output = new StringWriter();
        int exit = new CommandLine(new Iso8583Simulator()).setOut(new PrintWriter(output)).execute(
                "sale", "--port", Integer.toString(binaryPort), "-t", "T1", "-m", books, "--stan", "7000",
                "--card", card, "--amount", "4000");
        int balanceExit = new CommandLine(new Iso8583Simulator()).setOut(new PrintWriter(output)).execute(
                "balance", "--port", Integer.toString(asciiPort), "--framing", "ascii-4", "-t", "T1", "-m", books,
                "--stan", "7100", "--card", card);

        assertThat(exit).as(output.toString()).isZero();
        assertThat(balanceExit).as(output.toString()).isZero();
        assertThat(output.toString()).contains("response code 00, points +40, balance 40")
                .contains("response code 00, points +0, balance 40");
        assertThat(ledgerPoints(card)).isEqualTo(40);
    }

    private static synchronized TerminalRequests till(String merchant) {
        nextStan += 100;
        return new TerminalRequests("T1", merchant, "978", Clock.systemUTC(), nextStan);
    }

    private static synchronized String newCard() {
        return HubFixture.card(++nextCard);
    }

    private static Iso8583Client connect(int port, Framing framing, MacKey key) throws IOException {
        return Iso8583Client.connect("127.0.0.1", port, framing, Duration.ofSeconds(20), key);
    }

    private static long ledgerPoints(String card) {
        return fixture.queryLong("SELECT COALESCE(SUM(l.points), 0) FROM ledger_entry l JOIN card k ON k.account_id = l.account_id"
                + " WHERE k.token = ?", token(card));
    }

    private static long purchases(String card) {
        return fixture.queryLong("SELECT COUNT(*) FROM purchase p JOIN card k ON k.id = p.card_id WHERE k.token = ?", token(card));
    }

    private static String token(String card) {
        return fixture.hub().cardReader().read(card).token().hash();
    }
}
