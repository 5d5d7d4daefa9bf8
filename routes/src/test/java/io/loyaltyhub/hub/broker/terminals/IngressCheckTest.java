package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.loyaltyhub.hub.HubFixture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The edge check alone: a context in, a result code out. No broker, no database. */
class IngressCheckTest {
    private static final TerminalIdentity BOOKS_T1 = new TerminalIdentity(new MerchantId(7), "books", new StoreId(70), "S1",
            new TerminalId(700), "T1");
    private static final String CARD = HubFixture.card(42);

    private final AtomicInteger cardsRead = new AtomicInteger();
    private final ProgrammeCardReader reader = new ProgrammeCardReader(() -> new CardCatalog(
            List.of(new CardProgramme(1, "coalition", "628000", 16, CheckDigitRule.LUHN)),
            List.of(new CardRange(1, 1, HubFixture.RANGE_FIRST, HubFixture.RANGE_LAST))),
            new CardTokenizer(new byte[32], 1));
    private final IngressCheck check = new IngressCheck(
            (merchant, terminal) -> "books".equals(merchant) && "T1".equals(terminal) ? Optional.of(BOOKS_T1) : Optional.empty(),
            new JsonSwipeCodec(digits -> {
                cardsRead.incrementAndGet();
                return reader.read(digits);
            }, Clock.systemUTC()), 1_000);

    private static byte[] sale(String ref) {
        return ("{\"txnRef\":\"" + ref + "\",\"cardNumber\":\"" + CARD + "\",\"amount\":1999,\"currency\":\"EUR\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageFromTheAddressTerminalBecomesABrokerTransactionOfThatTerminal() {
        IngressCheck.Result r = check.check("pos.in.books.T1", "books.T1", sale("r-1"), sale("r-1").length);

        assertThat(r.isAccepted()).isTrue();
        assertThat(r.transaction().merchantId()).isEqualTo(BOOKS_T1.merchantId());
        assertThat(r.transaction().terminalId()).isEqualTo(BOOKS_T1.terminalId());
        assertThat(r.transaction().channel()).isEqualTo(Channel.BROKER);
        assertThat(r.transaction().card().token().last4()).isEqualTo(CARD.substring(12));
        assertThat(r.replyTo()).isEqualTo(new TerminalAddress("books", "T1"));
    }

    @Test
    void aMessageFromAnyoneButTheAddressTerminalIsRejectedBeforeItsCardIsRead() {
        IngressCheck.Result otherTerminal = check.check("pos.in.books.T1", "pharma.T1", sale("r-2"), 100);
        IngressCheck.Result noLogin = check.check("pos.in.books.T1", null, sale("r-3"), 100);

        assertThat(otherTerminal.code()).isEqualTo("sender-not-address-owner");
        assertThat(otherTerminal.replyTo()).as("answered to the sender, not the victim").isEqualTo(new TerminalAddress("pharma", "T1"));
        assertThat(noLogin.code()).isEqualTo("sender-not-address-owner");
        assertThat(noLogin.replyTo()).isNull();
        assertThat(cardsRead).hasValue(0);
    }

    @Test
    void addressesOutsideTheIngressTreeAndDisabledTerminalsAreRejected() {
        assertThat(check.check("pos.in.books", "books.T1", sale("r-4"), 100).code()).isEqualTo("unknown-address");
        assertThat(check.check("hub.swipes", "books.T1", sale("r-5"), 100).code()).isEqualTo("unknown-address");
        assertThat(check.check("pos.in.books.T9", "books.T9", sale("r-6"), 100).code())
                .isEqualTo("unknown-terminal-or-wrong-credential");
    }

    @Test
    void oversizedAndNonTextMessagesAreRejected() {
        assertThat(check.check("pos.in.books.T1", "books.T1", sale("r-7"), 1_001).code()).isEqualTo("body-too-large");
        assertThat(check.check("pos.in.books.T1", "books.T1", null, 0).code()).isEqualTo("unsupported-message");
        assertThat(cardsRead).hasValue(0);
    }

    @Test
    void aBodyTheCodecRefusesKeepsTheCodecsCode() {
        byte[] negative = ("{\"txnRef\":\"r-8\",\"cardNumber\":\"" + CARD + "\",\"amount\":-1,\"currency\":\"EUR\"}")
                .getBytes(StandardCharsets.UTF_8);
        IngressCheck.Result r = check.check("pos.in.books.T1", "books.T1", negative, negative.length);

        assertThat(r.code()).isEqualTo("invalid-amount");
        assertThat(r.detail()).doesNotContain(CARD);
        assertThat(r.replyTo()).isEqualTo(new TerminalAddress("books", "T1"));
    }
}
