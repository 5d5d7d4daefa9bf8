package io.loyaltyhub.adapters.iso8583;

import static io.loyaltyhub.adapters.iso8583.Iso8583CodecTest.PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.iso8583.TransactionRequestReader.Reading;
import io.loyaltyhub.adapters.iso8583.TransactionRequestReader.Refused;
import io.loyaltyhub.adapters.iso8583.TransactionRequestReader.Understood;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TransactionRequestReaderTest {

    private static final TerminalIdentity TERMINAL = new TerminalIdentity(new MerchantId(7), "MERCHANT0000001",
            new StoreId(70), "STORE1", new TerminalId(700), "TERM0001");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-12T14:31:00Z"), ZoneOffset.UTC);

    private final LuhnCardReader cards = new LuhnCardReader();
    private final TransactionRequestReader reader = new TransactionRequestReader(cards, CLOCK);
    private final TerminalRequests till = new TerminalRequests("TERM0001", "MERCHANT0000001", "978", CLOCK, 123);

    @Test
    void aSaleBecomesACanonicalSaleOfTheTerminalsMerchant() {
        PosTransaction sale = understood(till.sale(PAN, 1250), MessageKind.FINANCIAL_REQUEST);

        assertThat(sale.type()).isEqualTo(TransactionType.SALE);
        assertThat(sale.merchantId()).isEqualTo(new MerchantId(7));
        assertThat(sale.storeId()).isEqualTo(new StoreId(70));
        assertThat(sale.terminalId()).isEqualTo(new TerminalId(700));
        assertThat(sale.amount().minorUnits()).isEqualTo(1250);
        assertThat(sale.amount().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(sale.txnRef()).isEqualTo(new TxnRef("0612143100-000123"));
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-06-12T14:31:00Z"));
        assertThat(sale.card().token().last4()).isEqualTo("7895");
        assertThat(sale.channel()).isEqualTo(Channel.ISO8583);
        assertThat(sale.originalTxnRef()).isNull();
    }

    @Test
    void processingCodesChooseTheTransactionType() {
        assertThat(understood(till.refund(PAN, 500), MessageKind.FINANCIAL_REQUEST).type()).isEqualTo(TransactionType.REFUND);
        assertThat(understood(till.balanceInquiry(PAN), MessageKind.FINANCIAL_REQUEST).type()).isEqualTo(TransactionType.BALANCE_INQUIRY);
        PosTransaction redemption = understood(till.redemption(PAN, 400), MessageKind.FINANCIAL_REQUEST);
        assertThat(redemption.type()).isEqualTo(TransactionType.REDEEM);
        assertThat(redemption.redeemPoints()).isEqualTo(400);
    }

    @Test
    void aPaymentWithPointsIsARedeemOfThePointsOfferedThatPaysTheSaleOfFields4And49() {
        PosTransaction payment = understood(till.pointsPayment(PAN, 250, 1_999), MessageKind.FINANCIAL_REQUEST);

        assertThat(payment.type()).isEqualTo(TransactionType.REDEEM);
        assertThat(payment.redeemPoints()).isEqualTo(250);
        assertThat(payment.paysSale()).isTrue();
        assertThat(payment.amount().minorUnits()).isEqualTo(1_999);
        assertThat(payment.amount().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(understood(till.redemption(PAN, 250), MessageKind.FINANCIAL_REQUEST).paysSale()).isFalse();
    }

    @Test
    void aPaymentWithPointsWithoutTheSaleOrWithAnotherElementIsRefused() {
        assertThat(refused(till.pointsPayment(PAN, 250, 1_999).without(4), MessageKind.FINANCIAL_REQUEST).responseCode())
                .isEqualTo("13");
        assertThat(refused(till.pointsPayment(PAN, 0, 1_999), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("13");
        assertThat(refused(till.pointsPayment(PAN, 250, 1_999).with(63, "PY003250RW003MUG"), MessageKind.FINANCIAL_REQUEST)
                .responseCode()).isEqualTo("30");
        assertThat(refused(till.pointsPayment(PAN, 250, 1_999).with(63, "PY003-25"), MessageKind.FINANCIAL_REQUEST)
                .responseCode()).isEqualTo("30");
    }

    @Test
    void anUnknownProcessingCodeIsAnInvalidTransaction() {
        assertThat(refused(till.sale(PAN, 1250).with(3, "010000"), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("12");
    }

    @Test
    void aReversalNamesItsOriginalByField90() {
        Iso8583Message original = till.sale(PAN, 1250);
        Iso8583Message reversal = till.reversal(original, false);

        PosTransaction read = understood(reversal, MessageKind.REVERSAL_REQUEST);

        assertThat(read.type()).isEqualTo(TransactionType.REVERSAL);
        assertThat(read.originalTxnRef()).isEqualTo(understood(original, MessageKind.FINANCIAL_REQUEST).txnRef());
        assertThat(read.txnRef()).as("a reversal reuses its original's reference").isEqualTo(read.originalTxnRef());
    }

    @Test
    void aRefundNamesItsSaleByField90() {
        Iso8583Message sale = till.sale(PAN, 1250);
        Iso8583Message refund = till.refundOf(sale, PAN, 500);

        PosTransaction read = understood(refund, MessageKind.FINANCIAL_REQUEST);

        assertThat(read.type()).isEqualTo(TransactionType.REFUND);
        assertThat(read.originalTxnRef()).isEqualTo(understood(sale, MessageKind.FINANCIAL_REQUEST).txnRef());
        assertThat(read.txnRef()).isNotEqualTo(read.originalTxnRef());
    }

    @Test
    void aRefundWithoutField90IsUnlinked() {
        assertThat(understood(till.refund(PAN, 500), MessageKind.FINANCIAL_REQUEST).originalTxnRef()).isNull();
    }

    @Test
    void aField90ThatIsNotOriginalDataElementsIsAFormatError() {
        Iso8583Message refund = till.refund(PAN, 500).with(90, "0200" + "x".repeat(38));

        assertThat(refused(refund, MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("30");
    }

    @Test
    void aReversalWithoutField90NamesItsOriginalByTheOriginalsStanAndTime() {
        Iso8583Message original = till.sale(PAN, 1250);
        Iso8583Message copyAsReversal = original.withMti("0400");

        PosTransaction read = understood(copyAsReversal, MessageKind.REVERSAL_REQUEST);

        assertThat(read.originalTxnRef()).isEqualTo(new TxnRef("0612143100-000123"));
    }

    @Test
    void track2GivesTheCardNumberBeforeItsSeparatorToTheCardReader() {
        understood(till.sale(PAN + "=29121010000", 1250), MessageKind.FINANCIAL_REQUEST);

        assertThat(cards.numbersRead).containsExactly(PAN);
    }

    @Test
    void aCardThatFailsTheCardReaderIsAnInvalidCard() {
        Refused refused = refused(till.sale("6280001234567891", 1250), MessageKind.FINANCIAL_REQUEST);

        assertThat(refused.responseCode()).isEqualTo("14");
        assertThat(refused.reason()).isEqualTo("card-number-check-digit").doesNotContain("628000");
    }

    @Test
    void aSaleOfNothingIsAnInvalidAmount() {
        assertThat(refused(till.sale(PAN, 0), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("13");
    }

    @Test
    void anAbsurdAmountIsAnInvalidAmount() {
        assertThat(refused(till.sale(PAN, 999_999_999_999L), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("13");
    }

    @Test
    void anUnknownCurrencyIsAnInvalidAmount() {
        assertThat(refused(till.sale(PAN, 1250).with(49, "001"), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("13");
        assertThat(refused(till.sale(PAN, 1250).with(49, "ZZZ"), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("13");
    }

    @Test
    void alphabeticCurrencyCodesAreAcceptedToo() {
        assertThat(understood(till.sale(PAN, 1250).with(49, "GBP"), MessageKind.FINANCIAL_REQUEST).amount().currency().getCurrencyCode())
                .isEqualTo("GBP");
    }

    @Test
    void missingMandatoryFieldsAreAFormatError() {
        assertThat(refused(till.sale(PAN, 1250).without(49), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("30");
        assertThat(refused(till.sale(PAN, 1250).without(11), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("30");
        assertThat(refused(till.sale(PAN, 1250).without(2), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("30");
        assertThat(refused(till.redemption(PAN, 10).without(63), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("30");
    }

    @Test
    void aTransmissionTimeThatIsNoDateIsAFormatError() {
        assertThat(refused(till.sale(PAN, 1250).with(7, "1332250000"), MessageKind.FINANCIAL_REQUEST).responseCode()).isEqualTo("30");
    }

    @Test
    void theYearOfField7IsTheOneNearestTheHubsClock() {
        Clock newYear = Clock.fixed(Instant.parse("2027-01-01T00:00:05Z"), ZoneOffset.UTC);

        assertThat(TransmissionTime.of("1231235959", newYear)).isEqualTo(OffsetDateTime.parse("2026-12-31T23:59:59Z"));
        assertThat(TransmissionTime.of("0101000001", newYear)).isEqualTo(OffsetDateTime.parse("2027-01-01T00:00:01Z"));
    }

    private PosTransaction understood(Iso8583Message request, MessageKind kind) {
        Reading reading = reader.read(request, kind, TERMINAL);
        assertThat(reading).as("%s", reading).isInstanceOf(Understood.class);
        return ((Understood) reading).transaction();
    }

    private Refused refused(Iso8583Message request, MessageKind kind) {
        Reading reading = reader.read(request, kind, TERMINAL);
        assertThat(reading).isInstanceOf(Refused.class);
        return (Refused) reading;
    }
}
