package io.loyaltyhub.hub.swipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Swipes share broker messages under load, and still reach the engine once each and in each card's order. */
@Slow
class ChunkedSwipesTest {
    private static final int CARDS = 300;

    @Test
    void salesAndTheirRefundsSentWithoutWaitingShareMessagesAndAreAppliedInOrderOnce() throws Exception {
        try (HubFixture fixture = HubFixture.start()) {
            HubFixture.Merchant shop = fixture.merchant();
            TerminalIdentity till = tillOf(fixture, shop);
            ArtemisSwipeGateway gateway = fixture.hub().artemisGateway();
            long chunksBefore = gateway.chunksSent();
            long sentBefore = gateway.transactionsSent();
            List<CompletableFuture<TransactionOutcome>> sales = new ArrayList<>();
            List<CompletableFuture<TransactionOutcome>> refunds = new ArrayList<>();

            for (int i = 0; i < CARDS; i++) {
                String card = HubFixture.card(770_000 + i);
                sales.add(gateway.submit(txn(fixture, till, "s-" + i, TransactionType.SALE, card, 1000, null)).answer());
                refunds.add(gateway.submit(txn(fixture, till, "r-" + i, TransactionType.REFUND, card, 500, "s-" + i)).answer());
            }
            CompletableFuture<TransactionOutcome> copy = gateway.submit(
                    txn(fixture, till, "s-0", TransactionType.SALE, HubFixture.card(770_000), 1000, null)).answer();

            CompletableFuture.allOf(sales.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            CompletableFuture.allOf(refunds.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(sales).allSatisfy(f -> assertThat(f.join().points()).isEqualTo(10));
            assertThat(refunds).as("every refund found its sale: a card's swipes kept their order")
                    .allSatisfy(f -> assertThat(f.join()).satisfies(o -> {
                        assertThat(o.result()).isEqualTo(ResultCode.APPROVED);
                        assertThat(o.points()).isEqualTo(-5);
                        assertThat(o.balance()).isEqualTo(5);
                    }));
            assertThat(copy.get(60, TimeUnit.SECONDS)).satisfies(o -> {
                assertThat(o.duplicate()).isTrue();
                assertThat(o.points()).isEqualTo(10);
            });
            long chunks = gateway.chunksSent() - chunksBefore;
            long sent = gateway.transactionsSent() - sentBefore;
            // The copy shares the first one's message while that is in flight; once it is answered the copy goes to
            // the engine (answers are not kept at the edge, they would show an old balance), which answers it once more.
            assertThat(sent).isBetween(2L * CARDS, 2L * CARDS + 1);
            assertThat(chunks).as("swipes submitted faster than one message each is sent share messages").isLessThan(sent);
            assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", shop.id().value()))
                    .isEqualTo(2L * CARDS);
            assertThat(fixture.balanceOf(HubFixture.card(770_000))).isEqualTo(5);
        }
    }

    @Test
    void aGroupSubmittedTogetherLeavesInOneMessagePerLaneAndEachOfItsSwipesIsCreditedOnce() throws Exception {
        try (HubFixture fixture = HubFixture.start()) {
            HubFixture.Merchant shop = fixture.merchant();
            TerminalIdentity till = tillOf(fixture, shop);
            ArtemisSwipeGateway gateway = fixture.hub().artemisGateway();
            List<PosTransaction> group = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                group.add(txn(fixture, till, "g-" + i, TransactionType.SALE, HubFixture.card(772_000 + i), 1000, null));
            }
            group.add(group.get(0)); // a copy inside the group: one credit, and the copy answered as one
            long chunksBefore = gateway.chunksSent();

            List<Submitted> submitted = gateway.submitAll(group);

            assertThat(submitted).hasSize(101);
            CompletableFuture.allOf(submitted.stream().map(Submitted::answer).toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
            assertThat(submitted.subList(0, 100)).allSatisfy(s -> assertThat(s.answer().join().points()).isEqualTo(10));
            assertThat(submitted.get(100).answer().join().duplicate()).isTrue();
            assertThat(gateway.chunksSent() - chunksBefore).as("one message per lane the group touched")
                    .isLessThanOrEqualTo(gateway.lanes());
            assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", shop.id().value()))
                    .isEqualTo(100L);
        }
    }

    @Test
    void anUnreadableMessageOnTheSwipeQueueIsDeadLetteredWithItsReasonAndTheNextSwipeIsStillApplied() throws Exception {
        try (HubFixture fixture = HubFixture.start()) {
            HubFixture.Merchant shop = fixture.merchant();
            TerminalIdentity till = tillOf(fixture, shop);
            try (Connection connection = fixture.hub().openBrokerConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer deadLetters = session.createConsumer(session.createQueue(BrokerAddresses.DEAD_LETTERS));
                session.createProducer(session.createQueue(BrokerAddresses.SWIPES)).send(session.createTextMessage("{\"tx\":[{\"c\":1}]}"));

                Message dead = deadLetters.receive(30_000);
                TransactionOutcome next = fixture.hub().gateway()
                        .submit(txn(fixture, till, "after-poison", TransactionType.SALE, HubFixture.card(771_000), 1000, null))
                        .answer().get(30, TimeUnit.SECONDS);

                assertThat(dead).as("dead letter").isNotNull();
                assertThat(dead.getStringProperty("hub_dead_letter_reason")).startsWith("unreadable-message");
                assertThat(((TextMessage) dead).getText()).isEqualTo("{\"tx\":[{\"c\":1}]}");
                assertThat(next.result()).isEqualTo(ResultCode.APPROVED);
                assertThat(next.points()).isEqualTo(10);
            }
        }
    }

    private static TerminalIdentity tillOf(HubFixture fixture, HubFixture.Merchant shop) {
        return fixture.hub().terminals().authenticate(shop.till().credentialId(), shop.till().secret()).orElseThrow();
    }

    private static PosTransaction txn(HubFixture fixture, TerminalIdentity till, String ref, TransactionType type, String card,
                                      long cents, String original) {
        return new PosTransaction(till.merchantId(), till.storeId(), till.terminalId(), new TxnRef(ref), type,
                fixture.hub().cardReader().read(card), Money.of(cents, "EUR"), OffsetDateTime.parse("2026-11-20T10:15:30+01:00"),
                List.of(), original == null ? null : new TxnRef(original), 0, Channel.HTTP_JSON);
    }
}
