package io.loyaltyhub.adapters.iso8583;

import static io.loyaltyhub.adapters.iso8583.Iso8583CodecTest.PAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResponseBuilderTest {

    private final TerminalRequests till = new TerminalRequests("TERM0001", "MERCHANT0000001", "978",
            Clock.fixed(Instant.parse("2026-06-12T14:31:00Z"), ZoneOffset.UTC), 123);
    private final ResponseBuilder responses = new ResponseBuilder();

    @Test
    void anApprovedSaleEchoesTheRequestAndCarriesPointsAndBalanceInField63() {
        Iso8583Message sale = till.sale(PAN, 1250);

        Iso8583Message answer = responses.answer(sale, new TransactionOutcome(ResultCode.APPROVED, 12, 1234, "7895", false));

        assertThat(answer.mti()).isEqualTo("0210");
        assertThat(answer.field(39)).contains("00");
        assertThat(answer.field(63)).contains("PE003+12PB0041234ST001C");
        for (int echoed : new int[] {3, 4, 7, 11, 12, 13, 41, 42, 49}) {
            assertThat(answer.field(echoed)).as("field " + echoed).isEqualTo(sale.field(echoed));
        }
    }

    @Test
    void aPaymentWithPointsSaysTheMoneyThePointsPaidAndARaisedSaleNamesItsRules() {
        Iso8583Message paid = responses.answer(till.pointsPayment(PAN, 250, 1_999),
                new TransactionOutcome(ResultCode.APPROVED, -250, 750, "7895", false, null, 250));
        Iso8583Message raised = responses.answer(till.sale(PAN, 1_000), new TransactionOutcome(ResultCode.APPROVED, 20, 20,
                "7895", false, null, 0, java.util.List.of("rate:base", "campaign:X2")));
        Iso8583Message plain = responses.answer(till.sale(PAN, 1_000), new TransactionOutcome(ResultCode.APPROVED, 10, 10,
                "7895", false, null, 0, java.util.List.of("rate:base")));

        assertThat(paid.field(63)).contains("PE004-250PB003750ST001CPM003250");
        assertThat(raised.field(63)).contains("PE003+20PB00220ST001CER021rate:base,campaign:X2");
        assertThat(plain.field(63)).contains("PE003+10PB00210ST001C");
    }

    @Test
    void neverEchoesCardData() {
        Iso8583Message answer = responses.answer(till.sale(PAN + "=2912", 1250).with(2, PAN),
                new TransactionOutcome(ResultCode.APPROVED, 12, 1234, "7895", false));

        assertThat(answer.has(2)).isFalse();
        assertThat(answer.has(35)).isFalse();
    }

    @Test
    void engineDeclinesMapToTheirIsoCodes() {
        Iso8583Message redemption = till.redemption(PAN, 5000);

        Iso8583Message answer = responses.answer(redemption, new TransactionOutcome(ResultCode.INSUFFICIENT_POINTS, 0, 120, "7895", false));

        assertThat(answer.field(39)).contains("51");
        assertThat(LoyaltyData.parse(answer.field(63).orElseThrow()).number(LoyaltyData.POINTS_BALANCE)).hasValue(120);
    }

    @Test
    void anUnknownBalanceIsLeftOut() {
        Iso8583Message answer = responses.answer(till.sale(PAN, 1250),
                new TransactionOutcome(ResultCode.INVALID_CARD, 0, TransactionOutcome.NO_BALANCE, "7895", false));

        assertThat(answer.field(63)).contains("PE002+0ST001C");
    }

    @Test
    void aPendingAnswerApprovesWithoutPoints() {
        Iso8583Message answer = responses.pending(TerminalRequests.asAdvice(till.sale(PAN, 1250)));

        assertThat(answer.mti()).isEqualTo("0230");
        assertThat(answer.field(39)).contains("00");
        assertThat(answer.field(63)).contains("ST001P");
    }

    @Test
    void repeatsAndReversalsAreAnsweredWithTheirResponseMti() {
        assertThat(responses.refusal(TerminalRequests.asRepeat(till.sale(PAN, 1)), "00").mti()).isEqualTo("0210");
        assertThat(responses.refusal(till.reversal(till.sale(PAN, 1), true).withMti("0421"), "00").mti()).isEqualTo("0430");
        assertThat(responses.refusal(till.echo(), "00").mti()).isEqualTo("0810");
        assertThat(responses.refusal(Iso8583Message.of("0100"), "12").mti()).isEqualTo("0110");
    }

    @Test
    void aMalformedMessageIsAnsweredWith30AndItsIdentifyingFields() {
        byte[] bad = "0200323800000000000000000000012500612143100000123163100".getBytes(StandardCharsets.US_ASCII);
        MalformedMessageException malformed = catchThrowableOfType(MalformedMessageException.class, () -> new Iso8583Codec().decode(bad));

        Iso8583Message answer = responses.formatError(malformed).orElseThrow();

        assertThat(answer.mti()).isEqualTo("0210");
        assertThat(answer.field(39)).contains("30");
    }
}
