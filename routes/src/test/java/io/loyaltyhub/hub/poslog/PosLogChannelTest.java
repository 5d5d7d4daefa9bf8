package io.loyaltyhub.hub.poslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.poslog.PosLogClient;
import io.loyaltyhub.adapters.simulator.PostPosLogCommand;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.csv.CsvBatchChannel;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * The POSLog channel end to end: real POSLog bytes POSTed over HTTP to a running hub, and POSLog files
 * dropped into a real inbox folder; credits checked in the hub's database.
 */
@Slow
class PosLogChannelTest {

    private static final Path FIXTURES = Path.of("../pos-adapters/src/test/resources/poslog");
    private static final String NCR_MEMBERSHIP_ID = "0000000000000040000066677";
    /** Points of the four NCR loyalty sales (USD 202.84, 292.01, 181.77, 440.13) at 1 point per 100 cents. */
    private static final long NCR_POINTS = 202 + 292 + 181 + 440;

    private static HubFixture fixture;
    private static MerchantId grocer;
    private static TerminalCredential backOffice;
    private static HubFixture.Merchant otherMerchant;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of("hub.poslog.max-document-bytes", "1000000", "hub.poslog.local-zone", "America/New_York"),
                List.of(new PosLogChannel(), new CsvBatchChannel()));
        var admin = fixture.hub().admin();
        CardProgramme ncr = admin.createCardProgramme("ncr-membership", "0000000000", 25, CheckDigitRule.NONE);
        admin.issueCardRange(ncr, "0000000000000000000000000", "0000000000999999999999999");
        fixture.hub().reloadCardCatalog();
        grocer = admin.createMerchant("grocer", "Grocer with NCR tills");
        admin.setEarnRate(grocer, "USD", new EarnRate(1, 100));
        admin.addStore(grocer, "9", "Store 9");
        backOffice = admin.addTerminal(grocer, "9", "BO");
        for (String workstation : List.of("1", "2", "3", "5", "31", "32", "34")) {
            admin.addTerminal(grocer, "9", workstation);
        }
        otherMerchant = fixture.merchant();
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    @Test
    void creditsEveryLoyaltySaleOfAPostedMultiTransactionDocumentOnceAndListsEveryTransaction() throws Exception {
        long before = pointsCreditedTo(grocer);
        long purchasesBefore = fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", grocer.value());

        PosLogClient.Response first = client(backOffice).post(FIXTURES.resolve("ncr-acs-51-transactions.xml"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/xml");
        Element result = xml(first.body());
        assertThat(result.getAttribute("transactions")).isEqualTo("51");
        assertThat(result.getAttribute("approved")).isEqualTo("4");
        assertThat(result.getAttribute("skipped")).isEqualTo("47");
        List<Element> rows = rows(result);
        assertThat(rows).extracting(r -> r.getAttribute("position")).first().isEqualTo("1");
        assertThat(rows).filteredOn(r -> r.getAttribute("status").equals("approved"))
                .extracting(r -> Long.parseLong(r.getAttribute("points"))).containsExactly(202L, 292L, 181L, 440L);
        assertThat(rows).filteredOn(r -> r.getAttribute("code").equals("control-transaction")).hasSize(9);
        assertThat(rows).filteredOn(r -> r.getAttribute("code").equals("no-loyalty-identifier")).hasSize(38);
        assertThat(first.body()).doesNotContain(NCR_MEMBERSHIP_ID);
        assertThat(pointsCreditedTo(grocer) - before).isEqualTo(NCR_POINTS);

        PosLogClient.Response again = client(backOffice).post(FIXTURES.resolve("ncr-acs-51-transactions.xml"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(rows(xml(again.body()))).filteredOn(r -> r.getAttribute("status").equals("approved"))
                .allSatisfy(r -> assertThat(r.getAttribute("duplicate")).isEqualTo("true"));
        assertThat(pointsCreditedTo(grocer) - before).as("a resent document credits nothing twice").isEqualTo(NCR_POINTS);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", grocer.value()) - purchasesBefore).isEqualTo(4);
    }

    @Test
    void theMerchantComesFromTheCredentialNotFromTheDocument() throws Exception {
        PosLogClient.Response response = client(otherMerchant.till()).post(FIXTURES.resolve("ncr-acs-small.xml"));

        assertThat(response.status()).isEqualTo(200);
        Element sale = rows(xml(response.body())).get(1);
        assertThat(sale.getAttribute("status")).isEqualTo("rejected");
        assertThat(sale.getAttribute("code")).isEqualTo("unknown-terminal");
        assertThat(pointsCreditedTo(otherMerchant.id())).isZero();
    }

    @Test
    void refusesHostileAndBrokenDocumentsWithProblemJsonAndCreditsNothing() throws Exception {
        long before = fixture.count("ledger_entry");

        assertProblem(client(backOffice).post(FIXTURES.resolve("xxe-external-entity.xml")), 400, "dtd-not-allowed");
        assertProblem(client(backOffice).post(FIXTURES.resolve("xxe-billion-laughs.xml")), 400, "dtd-not-allowed");
        byte[] sample = Files.readAllBytes(FIXTURES.resolve("ncr-acs-small.xml"));
        assertProblem(client(backOffice).post(java.util.Arrays.copyOf(sample, sample.length - 30)), 400, "malformed-xml");
        String deep = "<POSLog xmlns='http://www.nrf-arts.org/IXRetail/namespace/'><Transaction>" + "<a>".repeat(100)
                + "</a>".repeat(100) + "</Transaction></POSLog>";
        assertProblem(client(backOffice).post(deep.getBytes(StandardCharsets.UTF_8)), 400, "document-too-deep");
        byte[] oversized = new byte[1_200_000];
        java.util.Arrays.fill(oversized, (byte) ' ');
        assertProblem(client(backOffice).post(oversized), 413, "document-too-large");
        PosLogClient.Response unauthenticated = new PosLogClient(URI.create(fixture.baseUrl()), backOffice.credentialId(), "wrong",
                Duration.ofSeconds(30)).post(sample);
        assertProblem(unauthenticated, 401, "unknown-terminal-or-wrong-credential");

        assertThat(fixture.count("ledger_entry")).isEqualTo(before);
    }

    @Test
    void theSimulatorCommandPostsAFileAndPrintsTheResult() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new PostPosLogCommand());
        command.setOut(new PrintWriter(out));

        int exit = command.execute("--hub", fixture.baseUrl(), "--credential-id", backOffice.credentialId(),
                "--secret", backOffice.secret(), FIXTURES.resolve("ncr-acs-small.xml").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("HTTP 200").contains("code=\"control-transaction\"").contains("status=\"approved\"")
                .doesNotContain(NCR_MEMBERSHIP_ID);
    }

    @Test
    void theSimulatorCommandExitsNonZeroWhenTheHubRefusedEveryTransactionOrTheWholeDocument() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new PostPosLogCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
        TerminalCredential stranger = otherMerchant.till();

        int everyTransactionRefused = command.execute("--hub", fixture.baseUrl(), "--credential-id", stranger.credentialId(),
                "--secret", stranger.secret(), FIXTURES.resolve("ncr-acs-small.xml").toString());
        int documentRefused = command.execute("--hub", fixture.baseUrl(), "--credential-id", backOffice.credentialId(),
                "--secret", backOffice.secret(), FIXTURES.resolve("xxe-external-entity.xml").toString());

        assertThat(everyTransactionRefused).as(out.toString()).isEqualTo(4);
        assertThat(out.toString()).contains("code=\"unknown-terminal\"");
        assertThat(documentRefused).isEqualTo(1);
    }

    @Test
    void aDroppedPosLogFileIsProcessedOnceWithAResultFile() throws Exception {
        Path root = fixture.dataDir().resolve("poslog");
        Path inbox = Files.createDirectories(root.resolve("inbox").resolve("grocer"));
        Files.copy(FIXTURES.resolve("ncr-acs-small.xml"), inbox.resolve(".small.part"));
        Files.move(inbox.resolve(".small.part"), inbox.resolve("small.xml"));
        Path result = root.resolve("results").resolve("grocer").resolve("small.xml.result.xml");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result) && filesIn(root.resolve("done")).size() == 1);
        Element document = xml(Files.readString(result));
        assertThat(document.getAttribute("transactions")).isEqualTo("2");
        assertThat(rows(document)).extracting(r -> r.getAttribute("status")).containsExactly("skipped", "approved");
        assertThat(filesIn(inbox)).isEmpty();

        Files.copy(FIXTURES.resolve("ncr-acs-small.xml"), inbox.resolve("small.xml"));
        Path duplicate = root.resolve("results").resolve("grocer").resolve("small.xml.duplicate.result.xml");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(duplicate) && filesIn(root.resolve("error")).size() == 1);
        assertThat(xml(Files.readString(duplicate)).getAttribute("code")).isEqualTo("duplicate-file");
    }

    @Test
    void aLinkedReturnTakesBackPointsInProportionToItsSaleAndNamesIt() throws Exception {
        HubFixture.Merchant shop = storeOneTillOne();
        String card = HubFixture.card(9_001);
        byte[] document = Files.readString(FIXTURES.resolve("arts6-linked-return.xml"))
                .replace("6280001234567895", card).getBytes(StandardCharsets.UTF_8);

        List<Element> rows = rows(xml(client(shop.till()).post(document).body()));

        assertThat(rows).extracting(r -> r.getAttribute("status")).containsExactly("approved", "approved");
        assertThat(rows.get(0).getAttribute("points")).isEqualTo("19");
        assertThat(rows.get(1).getAttribute("points")).as("19 points x 9.95 / 19.90, rounded down").isEqualTo("-9");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase r JOIN purchase s ON s.id = r.original_id"
                + " WHERE r.merchant_id = ? AND r.kind = 'REFUND' AND s.txn_ref = '2025-03-16/3001'", shop.id().value()))
                .as("the refund is recorded against its sale").isEqualTo(1);
        assertThat(fixture.balanceOf(card)).isEqualTo(10);
    }

    @Test
    void aDocumentWithOnlyCurrencyAttributesAndOnlyNetAndTaxTotalsIsCredited() throws Exception {
        HubFixture.Merchant shop = storeOneTillOne();
        fixture.hub().admin().setEarnRate(shop.id(), "GBP", new EarnRate(1, 100));
        String card = HubFixture.card(9_002);
        String attributesOnly = Files.readString(FIXTURES.resolve("arts6-currency-attributes.xml"))
                .replace("6280001234567895", card).replace("<Total TotalType=\"TransactionGrandAmount\" CurrencyCode=\"GBP\">8.40</Total>", "");

        List<Element> rows = rows(xml(client(shop.till()).post(attributesOnly.getBytes(StandardCharsets.UTF_8)).body()));

        assertThat(rows).extracting(r -> r.getAttribute("status")).containsExactly("approved", "approved");
        assertThat(rows).extracting(r -> r.getAttribute("points")).as("GBP 7.00 net + 1.40 tax; GBP 3.10").containsExactly("8", "3");
    }

    /** A merchant whose store and till codes are those of the ARTS 6 fixtures (S001 / T01), 1 point per 1.00 EUR. */
    private static HubFixture.Merchant storeOneTillOne() {
        var admin = fixture.hub().admin();
        String code = "arts" + System.nanoTime() % 100_000;
        MerchantId id = admin.createMerchant(code, "ARTS 6 shop");
        admin.setEarnRate(id, "EUR", new EarnRate(1, 100));
        admin.addStore(id, "S001", "High Street");
        return new HubFixture.Merchant(id, code, admin.addTerminal(id, "S001", "T01"));
    }

    @Test
    void aSymbolicLinkInThePosLogInboxGoesToErrorUntouchedAndItsTargetIsNeitherCreditedNorOverwritten() throws Exception {
        Path root = fixture.dataDir().resolve("poslog");
        Path outside = Files.copy(FIXTURES.resolve("ncr-acs-small.xml"), Files.createTempDirectory("outside-inbox").resolve("day.xml"));
        byte[] before = Files.readAllBytes(outside);
        long credited = pointsCreditedTo(grocer);
        Path inbox = Files.createDirectories(root.resolve("inbox").resolve("grocer"));

        Files.createSymbolicLink(inbox.resolve("linked.xml"), outside);

        Path result = root.resolve("results").resolve("grocer").resolve("linked.xml.result.xml");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        Element document = xml(Files.readString(result));
        assertThat(document.getAttribute("status")).isEqualTo("rejected");
        assertThat(document.getAttribute("code")).isEqualTo("not-a-regular-file");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Stream<Path> moved = Files.list(root.resolve("error").resolve("grocer"))) {
                return moved.anyMatch(p -> p.getFileName().toString().startsWith("linked.") && Files.isSymbolicLink(p));
            }
        });
        assertThat(Files.readAllBytes(outside)).as("the target is not overwritten").isEqualTo(before);
        assertThat(pointsCreditedTo(grocer)).isEqualTo(credited);
    }

    private static PosLogClient client(TerminalCredential terminal) {
        return new PosLogClient(URI.create(fixture.baseUrl()), terminal.credentialId(), terminal.secret(), Duration.ofSeconds(60));
    }

    private static long pointsCreditedTo(MerchantId merchant) {
        return fixture.queryLong("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE merchant_id = ?", merchant.value());
    }

    private static void assertProblem(PosLogClient.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    private static Element xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static List<Element> rows(Element result) {
        NodeList nodes = result.getElementsByTagNameNS("*", "Transaction");
        List<Element> rows = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            rows.add((Element) nodes.item(i));
        }
        return rows;
    }

    private static List<Path> filesIn(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
