package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.domain.card.CardCatalog;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CardRange;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.card.ProgrammeCardReader;
import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.hub.logging.CardNumberMasking;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A message taken off a broker terminal's ingress address, under the fuzzer: who sent it (the broker's stamp), where
 * it was published and its body are the fuzzer's. The edge check accepts it as a broker transaction of the terminal
 * the address belongs to, or rejects it with a code; and what a rejection keeps and sends back (the redacted copy
 * for the dead letters, the reference named in the reply, the masked detail) never fails and holds no card number.
 * Address, sender and message type come from the end of the fuzzer's input, the body is the rest.
 * Kept inputs: src/test/resources/io/loyaltyhub/hub/broker/terminals/TerminalMessageFuzzTestInputs/.
 */
class TerminalMessageFuzzTest {

    private static final TerminalIdentity BOOKS_T1 = new TerminalIdentity(new MerchantId(7), "books", new StoreId(70), "S1",
            new TerminalId(700), "T1");
    private static final int MAX_BYTES = 2_000;
    private static final List<String> ADDRESSES = List.of("pos.in.books.T1", "pos.in.books.T2", "pos.in.books", "hub.swipes");
    private static final List<String> SENDERS = List.of("books.T1", "books.T2", "pharma.T1");
    /** A card number left whole: 12 to 25 digits standing alone (longer runs are not card numbers). */
    private static final Pattern WHOLE_CARD_NUMBER = Pattern.compile("(?<![0-9])[0-9]{12,25}(?![0-9])");

    private final ProgrammeCardReader cards = new ProgrammeCardReader(() -> new CardCatalog(
            List.of(new CardProgramme(1, "coalition", "628000", 16, CheckDigitRule.LUHN)),
            List.of(new CardRange(1, 1, "6280000000000000", "6280000099999999"))),
            new CardTokenizer(new byte[32], 1));
    private final IngressCheck check = new IngressCheck(
            (merchant, terminal) -> "books".equals(merchant) && "T1".equals(terminal) ? Optional.of(BOOKS_T1) : Optional.empty(),
            new JsonSwipeCodec(cards, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)), MAX_BYTES);

    @FuzzTest
    @DictionaryEntries({"\"txnRef\"", "\"cardNumber\"", "\"track2\"", "\"amount\"", "\"currency\"", "\"EUR\"", "\"type\"",
            "\"lineItems\"", "6280000000001238", "6280 0000 0000 1238", ";6280000000001238=2912101?", "null"})
    void anyTerminalMessageIsATransactionOfItsAddressOrARejectionThatKeepsNoCardNumber(FuzzedDataProvider data) {
        String address = data.consumeBoolean() ? data.pickValue(ADDRESSES) : data.consumeString(40);
        String sender = data.consumeBoolean() ? data.pickValue(SENDERS) : null;
        boolean textOrBytes = data.consumeInt(0, 15) > 0;
        byte[] message = data.consumeRemainingAsBytes();
        // As the ingress reads it: the length of the whole message, the body only up to the limit (more is refused anyway).
        byte[] body = textOrBytes ? Arrays.copyOf(message, Math.min(message.length, MAX_BYTES)) : null;

        IngressCheck.Result result = check.check(address, sender, body, message.length);

        if (result.isAccepted()) {
            assertThat(result.code()).isNull();
            assertThat(result.transaction().terminalId()).isEqualTo(BOOKS_T1.terminalId());
            assertThat(result.transaction().channel()).isEqualTo(Channel.BROKER);
            assertThat(result.replyTo()).isEqualTo(new TerminalAddress("books", "T1"));
            return;
        }
        assertThat(result.transaction()).isNull();
        assertThat(result.code()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(result.detail()).isNotBlank();
        assertNoWholeCardNumber(CardNumberMasking.mask(result.detail()));
        String copy = RedactedCopy.of(body);
        assertNoWholeCardNumber(copy);
        assertThat(copy.length()).isLessThanOrEqualTo(RedactedCopy.MAX_CHARS + "…(cut)".length());
        RedactedCopy.txnRef(body).ifPresent(TerminalMessageFuzzTest::assertNoWholeCardNumber);
    }

    private static void assertNoWholeCardNumber(String kept) {
        assertThat(WHOLE_CARD_NUMBER.matcher(kept).find()).as("a card number left whole in: %s", kept).isFalse();
    }
}
