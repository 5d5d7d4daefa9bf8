package io.loyaltyhub.adapters.poslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.LineItem;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PosLogMapperTest {

    private static final MerchantId MERCHANT = new MerchantId(7);
    private static final MerchantId OTHER_MERCHANT = new MerchantId(8);

    private final TestTerminalDirectory terminals = new TestTerminalDirectory();
    private final TestCardReader cards = new TestCardReader();
    private final PosLogReader reader = new PosLogReader(PosLogLimits.DEFAULT);
    private final PosLogMapper mapper = new PosLogMapper(terminals, cards,
            new PosLogSettings(ZoneId.of("America/New_York"), Currency.getInstance("EUR")));

    @Test
    void creditsTheNcrLoyaltySaleAndSkipsTheSignOn() {
        TerminalIdentity till = terminals.add(MERCHANT, "9", "34");

        List<PosLogDecision> decisions = decideAll("ncr-acs-small.xml");

        assertThat(decisions.get(0)).isEqualTo(new PosLogDecision.Skip(decisions.get(0).source(), "control-transaction"));
        PosTransaction sale = ((PosLogDecision.Submit) decisions.get(1)).transaction();
        assertThat(sale.merchantId()).isEqualTo(MERCHANT);
        assertThat(sale.storeId()).isEqualTo(till.storeId());
        assertThat(sale.terminalId()).isEqualTo(till.terminalId());
        assertThat(sale.txnRef().value()).isEqualTo("2017-09-30/161");
        assertThat(sale.type()).isEqualTo(TransactionType.SALE);
        assertThat(sale.amount()).isEqualTo(Money.of(107, "USD"));
        assertThat(sale.occurredAt()).as("local till time read in the configured zone")
                .isEqualTo(OffsetDateTime.parse("2017-10-01T02:02:54-04:00"));
        assertThat(sale.card().token().hash()).isEqualTo(TestCardReader.tokenOf("0000000000000040000066677"));
        assertThat(sale.card().token().last4()).isEqualTo("6677");
        assertThat(sale.lineItems()).containsExactly(new LineItem("00000000067591", "6", 1, 126));
        assertThat(sale.channel()).isEqualTo(Channel.POSLOG);
    }

    @Test
    void decidesEveryTransactionOfTheFiftyOneTransactionSampleWithoutARejection() {
        for (String workstation : List.of("1", "2", "3", "5", "31", "32", "34")) {
            terminals.add(MERCHANT, "9", workstation);
        }

        List<PosLogDecision> decisions = decideAll("ncr-acs-51-transactions.xml");

        assertThat(decisions).hasSize(51).noneMatch(d -> d instanceof PosLogDecision.Reject);
        Map<String, Long> skips = decisions.stream().filter(d -> d instanceof PosLogDecision.Skip)
                .collect(Collectors.groupingBy(d -> ((PosLogDecision.Skip) d).code(), Collectors.counting()));
        assertThat(skips).containsExactlyInAnyOrderEntriesOf(Map.of("control-transaction", 9L, "no-loyalty-identifier", 38L));
        List<PosTransaction> credited = decisions.stream().filter(d -> d instanceof PosLogDecision.Submit)
                .map(d -> ((PosLogDecision.Submit) d).transaction()).toList();
        assertThat(credited).extracting(t -> t.amount().minorUnits()).containsExactly(20284L, 29201L, 18177L, 44013L);
        assertThat(credited).allMatch(t -> t.type() == TransactionType.SALE && t.amount().currency().getCurrencyCode().equals("USD"));
    }

    @Test
    void mapsTheArts6DayOfSalesRefundsCancellationsAndTillEvents() {
        TerminalIdentity till1 = terminals.add(MERCHANT, "S001", "T01");
        terminals.add(MERCHANT, "S001", "T02");

        List<PosLogDecision> decisions = decideAll("arts6-store-day.xml");

        PosTransaction sale = ((PosLogDecision.Submit) decisions.get(0)).transaction();
        assertThat(sale.terminalId()).isEqualTo(till1.terminalId());
        assertThat(sale.txnRef().value()).isEqualTo("S001-T01-1001");
        assertThat(sale.amount()).isEqualTo(Money.of(1235, "EUR"));
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-03-14T10:01:17+01:00"));
        assertThat(sale.lineItems()).as("void line left out, weighed line counts one unit").containsExactly(
                new LineItem("4006381333931", "STATIONERY", 2, 500),
                new LineItem("0000000067591", "FRUIT", 1, 735));
        assertThat(codeOf(decisions.get(1))).isEqualTo("control-transaction");
        assertThat(codeOf(decisions.get(2))).isEqualTo("cancelled-transaction");
        PosTransaction refund = ((PosLogDecision.Submit) decisions.get(3)).transaction();
        assertThat(refund.type()).isEqualTo(TransactionType.REFUND);
        assertThat(refund.amount()).isEqualTo(Money.of(250, "EUR"));
        assertThat(refund.lineItems()).containsExactly(new LineItem("4006381333931", "STATIONERY", 1, 250));
        assertThat(codeOf(decisions.get(4))).isEqualTo("no-loyalty-identifier");
    }

    @Test
    void usesTheDefaultCurrencyAndRejectsAmountsWithMoreDecimalsThanTheCurrencyHas() {
        terminals.add(MERCHANT, "S002", "T05");

        List<PosLogDecision> decisions = decideAll("arts2-customer-ids.xml");

        PosTransaction sale = ((PosLogDecision.Submit) decisions.get(0)).transaction();
        assertThat(sale.amount()).isEqualTo(Money.of(1999, "EUR"));
        assertThat(sale.card().token().hash()).isEqualTo(TestCardReader.tokenOf("6280009876543215"));
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-03-14T18:45:10-04:00"));
        assertThat(decisions.get(1)).isInstanceOfSatisfying(PosLogDecision.Reject.class,
                r -> assertThat(r.code()).isEqualTo("amount-format"));
    }

    @Test
    void findsTerminalsOnlyWithinTheCallersMerchant() {
        terminals.add(OTHER_MERCHANT, "9", "34");

        PosLogDecision decision = decideAll("ncr-acs-small.xml").get(1);

        assertThat(decision).isInstanceOfSatisfying(PosLogDecision.Reject.class,
                r -> assertThat(r.code()).isEqualTo("unknown-terminal"));
        assertThat(cards.timesRead()).as("the card is read only after every cheap check passed").isZero();
    }

    @Test
    void rejectsALoyaltyNumberThatFailsItsCheckDigitWithoutQuotingIt() {
        terminals.add(MERCHANT, "S001", "T01");
        PosLogTransaction sale = transaction(t -> t.replace("6280001234567895", "6280001234567894"), "arts6-store-day.xml", 0);

        PosLogDecision decision = mapper.decide(MERCHANT, sale);

        assertThat(decision).isInstanceOfSatisfying(PosLogDecision.Reject.class, r -> {
            assertThat(r.code()).isEqualTo("card-number-check-digit");
            assertThat(r.message()).doesNotContain("6280001234567894");
        });
    }

    @Test
    void rejectsWhatTheCanonicalTransactionCannotHold() {
        terminals.add(MERCHANT, "S001", "T01");

        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace("<TransactionID>S001-T01-1001", "<TransactionID>S001 T01 1001"), "arts6-store-day.xml", 0))))
                .isEqualTo("reference-format");
        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace("<CurrencyCode>EUR</CurrencyCode>", "<CurrencyCode>XYZ</CurrencyCode>"), "arts6-store-day.xml", 0))))
                .isEqualTo("currency-unknown");
        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace(">12.35</Total>", ">12.3.5</Total>"), "arts6-store-day.xml", 0))))
                .isEqualTo("amount-format");
        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace(">12.35</Total>", ">99999999.99</Total>"), "arts6-store-day.xml", 0))))
                .isEqualTo("amount-out-of-range");
        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace(">12.35</Total>", ">0.00</Total>"), "arts6-store-day.xml", 0))))
                .isEqualTo("zero-amount");
        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace("2025-03-14T10:01:17+01:00", "yesterday"), "arts6-store-day.xml", 0))))
                .isEqualTo("time-format");
        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace("<WorkstationID WorkstationLocation=\"Till 1\">T01</WorkstationID>", ""), "arts6-store-day.xml", 0))))
                .isEqualTo("workstation-missing");
        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace("<Quantity Units=\"1\" UnitOfMeasureCode=\"EA\">2</Quantity>", "<Quantity>two</Quantity>"), "arts6-store-day.xml", 0))))
                .isEqualTo("line-format");
    }

    @Test
    void rejectsATransactionWithoutCurrencyWhenNoDefaultIsConfigured() {
        terminals.add(MERCHANT, "S002", "T05");
        PosLogMapper strict = new PosLogMapper(terminals, cards, new PosLogSettings(ZoneId.of("UTC"), null));

        assertThat(codeOf(strict.decide(MERCHANT, transaction(Function.identity(), "arts2-customer-ids.xml", 0))))
                .isEqualTo("currency-missing");
    }

    @Test
    void readsTheCurrencyFromTheCurrencyCodeAttributeOfTheTotalsOrTheLineAmounts() {
        terminals.add(MERCHANT, "S001", "T01");
        PosLogMapper withoutDefault = new PosLogMapper(terminals, cards, new PosLogSettings(ZoneId.of("UTC"), null));

        List<PosLogDecision> decisions = reader.read(PosLogFixtures.open("arts6-currency-attributes.xml")).stream()
                .map(t -> withoutDefault.decide(MERCHANT, t)).toList();

        assertThat(((PosLogDecision.Submit) decisions.get(0)).transaction().amount()).isEqualTo(Money.of(840, "GBP"));
        assertThat(((PosLogDecision.Submit) decisions.get(1)).transaction().amount()).as("from the line amount's attribute")
                .isEqualTo(Money.of(310, "GBP"));
    }

    @Test
    void refusesATransactionWhoseCurrencyElementAndTotalsNameDifferentCurrencies() {
        terminals.add(MERCHANT, "S001", "T01");
        PosLogTransaction mixed = transaction(t -> t.replace("<TransactionID>S001-T01-2001</TransactionID>",
                "<TransactionID>S001-T01-2001</TransactionID><CurrencyCode>EUR</CurrencyCode>"), "arts6-currency-attributes.xml", 0);

        assertThat(codeOf(mapper.decide(MERCHANT, mixed))).isEqualTo("currency-conflict");
    }

    @Test
    void withoutAGrandAmountTheAmountIsTheNetTotalPlusEveryTaxTotal() {
        terminals.add(MERCHANT, "S002", "T05");

        List<PosLogDecision> decisions = decideAll("arts2-net-and-tax-totals.xml");

        PosTransaction sale = ((PosLogDecision.Submit) decisions.get(0)).transaction();
        assertThat(sale.type()).isEqualTo(TransactionType.SALE);
        assertThat(sale.amount()).isEqualTo(Money.of(4748 + 667 + 235, "EUR"));
        PosTransaction refund = ((PosLogDecision.Submit) decisions.get(1)).transaction();
        assertThat(refund.type()).isEqualTo(TransactionType.REFUND);
        assertThat(refund.amount()).isEqualTo(Money.of(1387 + 263, "EUR"));
        assertThat(codeOf(mapper.decide(MERCHANT, transaction(t -> t.replace("TransactionNetAmount", "acs:SomethingElse")
                .replace("<POSLog ", "<POSLog xmlns:acs=\"urn:x\" "), "arts2-net-and-tax-totals.xml", 0))))
                .as("tax alone is no amount").isEqualTo("amount-missing");
    }

    @Test
    void aReturnWhoseTransactionLinkNamesItsSaleIsARefundLinkedToThatSale() {
        terminals.add(MERCHANT, "S001", "T01");

        List<PosLogDecision> decisions = decideAll("arts6-linked-return.xml");

        PosTransaction sale = ((PosLogDecision.Submit) decisions.get(0)).transaction();
        PosTransaction refund = ((PosLogDecision.Submit) decisions.get(1)).transaction();
        assertThat(refund.type()).isEqualTo(TransactionType.REFUND);
        assertThat(refund.amount()).isEqualTo(Money.of(995, "EUR"));
        assertThat(refund.originalTxnRef()).isEqualTo(sale.txnRef());
        assertThat(sale.originalTxnRef()).isNull();
    }

    @Test
    void aTransactionLinkOnAReturnLineLinksTheRefundToo() {
        terminals.add(MERCHANT, "S001", "T01");
        String link = "<TransactionLink><SequenceNumber>3001</SequenceNumber><BusinessDayDate>2025-03-16</BusinessDayDate></TransactionLink>";
        PosLogTransaction onTheLine = transaction(t -> t.replaceAll("(?s)<TransactionLink ReasonCode=\"Return\">.*?</TransactionLink>", "")
                .replace("<Quantity>1</Quantity></Return>", "<Quantity>1</Quantity>" + link + "</Return>"), "arts6-linked-return.xml", 1);

        PosTransaction refund = ((PosLogDecision.Submit) mapper.decide(MERCHANT, onTheLine)).transaction();

        assertThat(refund.originalTxnRef().value()).isEqualTo("2025-03-16/3001");
    }

    @Test
    void aResumeLinkDoesNotLinkAndALinkToAnotherTillIsRefused() {
        terminals.add(MERCHANT, "S001", "T01");

        PosLogTransaction resumed = transaction(t -> t.replace("ReasonCode=\"Return\"", "ReasonCode=\"Resume\""), "arts6-linked-return.xml", 1);
        PosLogTransaction otherTill = transaction(t -> t.replace("<WorkstationID>T01</WorkstationID>\n        <SequenceNumber>3001",
                "<WorkstationID>T09</WorkstationID>\n        <SequenceNumber>3001"), "arts6-linked-return.xml", 1);

        assertThat(((PosLogDecision.Submit) mapper.decide(MERCHANT, resumed)).transaction().originalTxnRef()).isNull();
        assertThat(codeOf(mapper.decide(MERCHANT, otherTill))).isEqualTo("link-other-workstation");
    }

    private List<PosLogDecision> decideAll(String fixture) {
        return reader.read(PosLogFixtures.open(fixture)).stream().map(t -> mapper.decide(MERCHANT, t)).toList();
    }

    private PosLogTransaction transaction(Function<String, String> edit, String fixture, int index) {
        String document = edit.apply(new String(PosLogFixtures.bytes(fixture), java.nio.charset.StandardCharsets.UTF_8));
        return reader.read(new java.io.ByteArrayInputStream(document.getBytes(java.nio.charset.StandardCharsets.UTF_8))).get(index);
    }

    private static String codeOf(PosLogDecision decision) {
        if (decision instanceof PosLogDecision.Skip skip) {
            return skip.code();
        }
        if (decision instanceof PosLogDecision.Reject reject) {
            return reject.code();
        }
        return "submitted";
    }
}
