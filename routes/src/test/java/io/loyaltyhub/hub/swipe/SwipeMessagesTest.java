package io.loyaltyhub.hub.swipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.LineItem;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwipeMessagesTest {
    private final SwipeMessages messages = new SwipeMessages();

    private static PosTransaction sale(String ref) {
        return new PosTransaction(new MerchantId(7), new StoreId(8), new TerminalId(9), new TxnRef(ref), TransactionType.SALE,
                new PresentedCard(new CardToken("ab".repeat(32), 2, "4242"), 5L, List.of(new CardToken("cd".repeat(32), 1, "4242"))),
                Money.of(1999, "EUR"), OffsetDateTime.parse("2026-11-23T10:15:30+01:00"),
                List.of(new LineItem("sku-1", "books", 2, 1999)), null, 0, Channel.CSV_BATCH);
    }

    @Test
    void aChunkCarriesEachTransactionWithItsOwnCorrelationId() {
        List<SwipeMessages.Addressed> chunk = List.of(new SwipeMessages.Addressed("id-1", sale("r-1")),
                new SwipeMessages.Addressed("id-2", sale("r-2")));

        List<SwipeMessages.Addressed> read = messages.decodeChunk(messages.encodeChunk(chunk), "ignored");

        assertThat(read).extracting(SwipeMessages.Addressed::correlationId).containsExactly("id-1", "id-2");
        assertThat(read.get(1).transaction()).isEqualTo(sale("r-2"));
    }

    @Test
    void aSingleTransactionMessageFromBeforeChunksIsStillReadWithTheMessagesCorrelationId() {
        // The one-transaction message hubs sent before chunks (the fields of a chunk's entry, without "c").
        String older = "{\"m\":7,\"s\":8,\"t\":9,\"ref\":\"r-1\",\"type\":\"SALE\",\"tok\":\"" + "ab".repeat(32)
                + "\",\"kv\":2,\"l4\":\"4242\",\"rng\":5,\"old\":[{\"tok\":\"" + "cd".repeat(32) + "\",\"kv\":1}],"
                + "\"amt\":1999,\"cur\":\"EUR\",\"at\":\"2026-11-23T10:15:30+01:00\",\"ch\":\"CSV_BATCH\","
                + "\"lines\":[{\"sku\":\"sku-1\",\"cat\":\"books\",\"qty\":2,\"amt\":1999}]}";

        assertThat(messages.decodeChunk(older, "id-from-the-message"))
                .containsExactly(new SwipeMessages.Addressed("id-from-the-message", sale("r-1")));
    }

    @Test
    void answersOfABatchTravelAsOneMessageAndComeBackWhole() {
        List<SwipeMessages.Answer> answers = List.of(
                new SwipeMessages.Answer("id-1", new TransactionOutcome(ResultCode.APPROVED, 19, 119, "4242", false)),
                new SwipeMessages.Answer("id-2", new TransactionOutcome(ResultCode.INVALID_CARD, 0, TransactionOutcome.NO_BALANCE,
                        "0001", true)));

        assertThat(messages.decodeAnswers(messages.encodeAnswers(answers))).isEqualTo(answers);
        assertThatThrownBy(() -> messages.decodeAnswers("{\"a\":[{\"p\":1}]}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textThatIsNoHubMessageIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> messages.decodeChunk("{\"tx\":[{\"c\":\"x\"}]}", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a hub transaction message");
    }
}
