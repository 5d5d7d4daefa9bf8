package io.loyaltyhub.adapters.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loyaltyhub.adapters.fuzz.CodedRefusal;
import io.loyaltyhub.adapters.iso8583.TransactionRequestReader.Reading;
import io.loyaltyhub.adapters.iso8583.TransactionRequestReader.Refused;
import io.loyaltyhub.adapters.iso8583.TransactionRequestReader.Understood;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * One ISO 8583 message (the bytes of a frame, length header removed) under the fuzzer, through every step the
 * listener takes before the engine: the codec reads it or says it is malformed (then the 30 answer to its readable
 * part, if any, can be sent); a message read can be written again and reads back the same; its MAC input can be
 * cut; the transaction reader understands it or refuses it with a response code; and every answer can be encoded.
 * Kept inputs: src/test/resources/io/loyaltyhub/adapters/iso8583/Iso8583MessageFuzzTestInputs/.
 */
class Iso8583MessageFuzzTest {

    private static final TerminalIdentity TERMINAL = new TerminalIdentity(new MerchantId(7), "MERCHANT0000001",
            new StoreId(70), "STORE1", new TerminalId(700), "TERM0001");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-12T14:31:00Z"), ZoneOffset.UTC);
    private static final Set<String> RESPONSE_CODES = Set.of(ResponseCode.INVALID_TRANSACTION, ResponseCode.INVALID_AMOUNT,
            ResponseCode.INVALID_CARD, ResponseCode.FORMAT_ERROR);

    private final Iso8583Codec codec = new Iso8583Codec();
    private final ResponseBuilder responses = new ResponseBuilder();
    private final TransactionRequestReader reader = new TransactionRequestReader(new LuhnCardReader(), CLOCK);

    @FuzzTest
    @DictionaryEntries({"0200", "0220", "0400", "0420", "0800", "0201", "F23C", "0000000000000000", "000000", "200000",
            "310000", "910000", "978", "EUR", "RP003", "6280001234567895", "6280001234567895=2912"})
    void anyMessageIsReadAndAnsweredOrRefusedWithAResponseCode(byte[] bytes) {
        Iso8583Message request;
        try {
            request = codec.decode(bytes);
        } catch (MalformedMessageException malformed) {
            CodedRefusal.assertQuotesNoCardData(malformed.getMessage(), bytes);
            Optional<Iso8583Message> answer = responses.formatError(malformed);
            answer.ifPresent(a -> assertThat(a.field(Iso8583Dialect.RESPONSE_CODE)).contains(ResponseCode.FORMAT_ERROR));
            answer.ifPresent(codec::encode);
            return;
        }
        assertThat(decodeQuietly(codec.encode(request))).as("the message written again").isEqualTo(request);
        macInputOf(bytes, request);

        MessageKind kind = MessageKind.of(request.mti()).orElse(null);
        if (kind == null || kind == MessageKind.NETWORK_MANAGEMENT) {
            codec.encode(responses.refusal(request, ResponseCode.INVALID_TRANSACTION));
            return;
        }
        Reading reading = reader.read(request, kind, TERMINAL);
        if (reading instanceof Refused refused) {
            assertThat(refused.responseCode()).isIn(RESPONSE_CODES);
            CodedRefusal.assertQuotesNoCardData(refused.reason(), bytes);
            codec.encode(responses.refusal(request, refused.responseCode()));
        } else {
            PosTransaction transaction = ((Understood) reading).transaction();
            assertThat(transaction.terminalId()).isEqualTo(TERMINAL.terminalId());
            assertThat(transaction.channel()).isEqualTo(Channel.ISO8583);
            codec.encode(responses.pending(request));
        }
    }

    private Iso8583Message decodeQuietly(byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (MalformedMessageException e) {
            throw new AssertionError("a message the codec wrote does not read back: " + e.getMessage(), e);
        }
    }

    /** The MAC input exists exactly when field 64 does, and is the message less its 16 MAC characters. */
    private void macInputOf(byte[] bytes, Iso8583Message request) {
        try {
            byte[] input = codec.macInput(bytes);
            assertThat(request.has(Iso8583Dialect.MAC)).isTrue();
            assertThat(input).hasSize(bytes.length - 16);
        } catch (MalformedMessageException e) {
            assertThat(request.has(Iso8583Dialect.MAC)).as("MAC input refused: " + e.getMessage()).isFalse();
        }
    }
}
