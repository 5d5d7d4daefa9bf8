package io.loyaltyhub.adapters.answers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.adapters.csv.CsvLineResult;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.ResponseBuilder;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.adapters.poslog.PosLogFixtures;
import io.loyaltyhub.adapters.poslog.PosLogLimits;
import io.loyaltyhub.adapters.poslog.PosLogReader;
import io.loyaltyhub.adapters.poslog.PosLogTransaction;
import io.loyaltyhub.adapters.poslog.PosLogTransactionResult;
import io.loyaltyhub.adapters.poslog.TestCardReader;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The engine's new codes as each channel's answer writer puts them: a refused message (reference reused, time out of
 * range) is answered like bad input on every channel, with nothing of a card, points or balance; new declines map to
 * their ISO 8583 field 39; a negative balance is shown as a balance.
 */
class RefusedMessageAnswersTest {
    private static final String PAN = "6280000000001238";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-12T14:31:00Z"), ZoneOffset.UTC);
    private static final TerminalIdentity TILL = terminal();

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSwipeCodec codec = new JsonSwipeCodec(new TestCardReader(), CLOCK);

    private static TerminalIdentity terminal() {
        return new TerminalIdentity(new MerchantId(1), "shop", new StoreId(2), "S1", new TerminalId(3), "T1");
    }

    private PosTransaction sale() {
        return codec.decode(("{\"txnRef\":\"r-1\",\"cardNumber\":\"" + PAN + "\",\"amount\":1000,\"currency\":\"EUR\"}")
                .getBytes(StandardCharsets.UTF_8), TILL);
    }

    @Test
    void aReusedReferenceIsARejectedJsonReplyThatShowsNoCardPointsOrBalance() throws Exception {
        JsonNode reply = json.readTree(codec.encodeOutcome(sale(),
                TransactionOutcome.refused(ResultCode.REFERENCE_REUSED, "1238")));

        assertThat(reply.get("status").asText()).isEqualTo("rejected");
        assertThat(reply.get("code").asText()).isEqualTo("reference-reused");
        assertThat(reply.get("txnRef").asText()).isEqualTo("r-1");
        assertThat(reply.get("detail").asText()).contains("new reference");
        assertThat(reply.has("balance")).isFalse();
        assertThat(reply.has("card")).isFalse();
        assertThat(reply.has("points")).isFalse();
    }

    @Test
    void aNegativeBalanceIsPrintedAndAMissingOneIsLeftOut() throws Exception {
        JsonNode debt = json.readTree(codec.encodeOutcome(sale(), new TransactionOutcome(ResultCode.APPROVED, -50, -1, "1238", false)));
        JsonNode unknown = json.readTree(codec.encodeOutcome(sale(),
                new TransactionOutcome(ResultCode.INVALID_CARD, 0, TransactionOutcome.NO_BALANCE, "1238", false)));

        assertThat(debt.get("balance").asLong()).isEqualTo(-1);
        assertThat(unknown.has("balance")).isFalse();
    }

    @Test
    void anOutOfRangeTimeIsARejectedCsvLineWithItsReason() {
        CsvLineResult line = CsvLineResult.answered(7, "r-7", TransactionOutcome.refused(ResultCode.OCCURRED_AT_OUT_OF_RANGE, "1238"));

        assertThat(line.status()).isEqualTo(CsvLineResult.Status.REJECTED);
        assertThat(line.code()).isEqualTo("occurred-at-out-of-range");
        assertThat(line.message()).contains("occurredAt");
        assertThat(line.answered()).isFalse();
    }

    @Test
    void aReusedReferenceIsARejectedPosLogTransaction() {
        PosLogTransaction source = new PosLogReader(PosLogLimits.DEFAULT).read(PosLogFixtures.open("arts6-store-day.xml")).get(0);

        PosLogTransactionResult result = PosLogTransactionResult.answered(source,
                TransactionOutcome.refused(ResultCode.REFERENCE_REUSED, "1238"));

        assertThat(result.status()).isEqualTo(PosLogTransactionResult.Status.REJECTED);
        assertThat(result.code()).isEqualTo("reference-reused");
        assertThat(result.message()).isNotBlank();
    }

    @Test
    void iso8583AnswersReferenceReusedWith94AndTheNewDeclinesWithTheirOwnCodes() {
        TerminalRequests till = new TerminalRequests("TERM0001", "MERCHANT0000001", "978", CLOCK, 1);
        Iso8583Message sale = till.sale(PAN, 1000);
        ResponseBuilder responses = new ResponseBuilder();

        Iso8583Message reused = responses.answer(sale, TransactionOutcome.refused(ResultCode.REFERENCE_REUSED, "1238"));
        Iso8583Message mismatch = responses.answer(sale, new TransactionOutcome(ResultCode.CARD_MISMATCH, 0, 20, "1238", false));
        Iso8583Message outOfRange = responses.answer(sale, TransactionOutcome.refused(ResultCode.OCCURRED_AT_OUT_OF_RANGE, "1238"));
        Iso8583Message debt = responses.answer(sale, new TransactionOutcome(ResultCode.APPROVED, -50, -50, "1238", false));

        assertThat(reused.field(39)).contains("94");
        assertThat(reused.field(63).orElseThrow()).doesNotContain("PB");
        assertThat(mismatch.field(39)).contains("57");
        assertThat(outOfRange.field(39)).contains("30");
        assertThat(debt.field(63)).contains("PE003-50PB003-50ST001C");
    }
}
