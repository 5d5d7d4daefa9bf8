package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.household.BlockReason;
import io.loyaltyhub.domain.household.CardLifecycle;
import io.loyaltyhub.domain.household.HouseholdView;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.household.LeaveSplit;
import io.loyaltyhub.domain.household.MemberOperationRefused;
import io.loyaltyhub.domain.household.MemberRefusal;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Households and the card's life (issue 14), with the engine crediting and redeeming, on the embedded database and a
 * MySQL-compatible server. After every test each balance still equals the sum of its ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HouseholdsSuite {
    /** A valid card number in no issued range (the fixture issues serials below 10,000,000). */
    private static final AtomicLong OUTSIDE = new AtomicLong(500_000_000);

    private EngineTestbed bed;
    private TestMerchant books;
    private TestMerchant pharmacy;
    private Households households;
    private CardLifecycle cards;

    abstract DatabaseConfig newDatabase();

    @BeforeAll
    void open() {
        bed = new EngineTestbed(newDatabase());
        books = bed.merchant();
        pharmacy = bed.merchant();
        households = new Households(bed.database, IdGenerator.forNode(7), CoalitionFixture.CLOCK);
        cards = new CardLifecycle(bed.database, IdGenerator.forNode(8), CoalitionFixture.CLOCK);
    }

    @AfterAll
    void close() {
        if (bed != null) {
            assertThat(bed.ledgerMatchesBalances()).as("every balance is the sum of its ledger").isTrue();
            bed.close();
        }
    }

    private TransactionOutcome sale(TestMerchant m, String card, long cents) {
        return bed.engine.apply(bed.coalition.sale(m, EngineTestbed.ref(), card, cents));
    }

    private TransactionOutcome redeem(TestMerchant m, String card, long points) {
        return bed.engine.apply(bed.coalition.txn(m, EngineTestbed.ref(), TransactionType.REDEEM, card, points, null));
    }

    private PresentedCard read(String card) {
        return bed.coalition.cards().read(card);
    }

    private long householdOf(String card) {
        return households.householdOf(read(card));
    }

    private static String outsideCard() {
        return CoalitionFixture.cardNumber(OUTSIDE.incrementAndGet());
    }

    private long rows(String table) {
        return bed.queryLong("SELECT COUNT(*) FROM " + table);
    }

    private static void refused(MemberRefusal expected, ThrowingCallable operation) {
        assertThatThrownBy(operation).isInstanceOfSatisfying(MemberOperationRefused.class,
                e -> assertThat(e.refusal()).isEqualTo(expected));
    }

    /** Two cards, each used once (10 and 20 points), the second linked into the first's household. */
    private String[] householdOfTwo() {
        String first = EngineTestbed.newCard();
        String second = EngineTestbed.newCard();
        sale(books, first, 1_000);
        sale(pharmacy, second, 2_000);
        households.link(read(second), householdOf(first), "test");
        return new String[] {first, second};
    }

    @Test
    void aLinkedCardBringsItsPointsAndBothCardsEarnAtTwoMerchantsIntoOneBalance() {
        String first = EngineTestbed.newCard();
        String second = EngineTestbed.newCard();
        sale(books, first, 1_000);
        sale(pharmacy, second, 2_000);
        long household = householdOf(first);
        long ownAccount = householdOf(second);

        HouseholdView linked = households.link(read(second), household, "test");

        assertThat(linked.balance()).isEqualTo(30);
        assertThat(linked.pointsMoved()).isEqualTo(20);
        assertThat(linked.cards()).hasSize(2);
        assertThat(sale(books, second, 500).balance()).isEqualTo(35);
        assertThat(sale(pharmacy, first, 500).balance()).isEqualTo(40);
        assertThat(bed.balanceOf(first)).isEqualTo(40);
        assertThat(bed.queryLong("SELECT balance FROM member_account WHERE id = ?", ownAccount)).isZero();
        assertThat(bed.queryLong("SELECT COUNT(*) FROM member_account WHERE id = ? AND status = 'CLOSED'", ownAccount))
                .isEqualTo(1);
        assertThat(bed.queryLong("SELECT SUM(points) FROM account_move WHERE account_id = ?", household)).isEqualTo(20);
        assertThat(bed.ledgerMatchesBalances()).isTrue();
    }

    @Test
    void eitherCardRedeemsFromTheOneBalanceAndNeitherCanTakeMoreThanIsLeft() {
        String[] pair = householdOfTwo();

        assertThat(redeem(books, pair[1], 25).balance()).isEqualTo(5);
        assertThat(redeem(pharmacy, pair[0], 6).result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(redeem(pharmacy, pair[0], 5).balance()).isZero();
    }

    @Test
    void aVoidOfASaleMadeBeforeTheCardJoinedTakesThePointsFromTheHouseholdItsPointsWentTo() {
        String first = EngineTestbed.newCard();
        String second = EngineTestbed.newCard();
        sale(books, first, 1_000);
        String saleRef = EngineTestbed.ref();
        bed.engine.apply(bed.coalition.sale(books, saleRef, second, 2_000));
        long ownAccount = householdOf(second);
        households.link(read(second), householdOf(first), "test");

        TransactionOutcome voided = bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.VOID,
                second, 2_000, saleRef));

        assertThat(voided.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(voided.balance()).isEqualTo(10);
        assertThat(bed.queryLong("SELECT balance FROM member_account WHERE id = ?", ownAccount)).isZero();
        assertThat(bed.ledgerMatchesBalances()).isTrue();
    }

    @Test
    void anIssuedCardNeverUsedIsActivatedStraightIntoTheHousehold() {
        String first = EngineTestbed.newCard();
        String fresh = EngineTestbed.newCard();
        sale(books, first, 1_000);

        HouseholdView linked = households.link(read(fresh), householdOf(first), "test");

        assertThat(linked.cards()).hasSize(2);
        assertThat(redeem(books, fresh, 10).balance()).isZero();
        assertThat(bed.queryLong("SELECT COUNT(*) FROM member_event WHERE event_type = 'ACTIVATE' AND account_id = ?",
                linked.accountId())).isEqualTo(1);
    }

    @Test
    void badLinksAreRefusedWithTheirCodeAndChangeNothing() {
        String[] pair = householdOfTwo();
        String[] other = householdOfTwo();
        long household = householdOf(pair[0]);
        long moves = rows("account_move");
        long events = rows("member_event");
        long cardsBefore = rows("card");

        refused(MemberRefusal.UNKNOWN_CARD, () -> households.link(read(outsideCard()), household, "test"));
        refused(MemberRefusal.CARD_IN_ANOTHER_HOUSEHOLD, () -> households.link(read(other[0]), household, "test"));
        refused(MemberRefusal.ALREADY_IN_HOUSEHOLD, () -> households.link(read(pair[1]), household, "test"));
        refused(MemberRefusal.UNKNOWN_HOUSEHOLD, () -> households.link(read(EngineTestbed.newCard()), 42L, "test"));
        refused(MemberRefusal.SAME_HOUSEHOLD, () -> households.merge(household, household, "test"));
        refused(MemberRefusal.POINTS_NOT_AVAILABLE, () -> households.leave(read(pair[1]), LeaveSplit.points(31), "test"));
        refused(MemberRefusal.POINTS_NOT_AVAILABLE, () -> households.leave(read(pair[1]), LeaveSplit.points(-1), "test"));
        refused(MemberRefusal.CARD_NOT_ACTIVATED, () -> households.leave(read(EngineTestbed.newCard()), LeaveSplit.none(), "test"));

        assertThat(rows("account_move")).isEqualTo(moves);
        assertThat(rows("member_event")).isEqualTo(events);
        assertThat(rows("card")).as("no card activated by a refused link").isEqualTo(cardsBefore);
        assertThat(bed.balanceOf(pair[0])).isEqualTo(30);
    }

    @Test
    void aLeavingCardTakesThePointsTheSplitSaysToAnAccountOfItsOwn() {
        String[] none = householdOfTwo();
        String[] even = householdOfTwo();
        String[] named = householdOfTwo();

        HouseholdView keptNothing = households.leave(read(none[1]), LeaveSplit.none(), "test");
        HouseholdView halved = households.leave(read(even[1]), LeaveSplit.evenShare(), "test");
        HouseholdView took = households.leave(read(named[1]), LeaveSplit.points(12), "test");

        assertThat(keptNothing.balance()).isZero();
        assertThat(bed.balanceOf(none[0])).isEqualTo(30);
        assertThat(halved.balance()).isEqualTo(15);
        assertThat(bed.balanceOf(even[0])).isEqualTo(15);
        assertThat(took.balance()).isEqualTo(12);
        assertThat(bed.balanceOf(named[0])).isEqualTo(18);
        assertThat(sale(books, named[1], 1_000).balance()).as("it earns on its own again").isEqualTo(22);
        assertThat(bed.balanceOf(named[0])).isEqualTo(18);
        refused(MemberRefusal.NOT_IN_HOUSEHOLD, () -> households.leave(read(named[1]), LeaveSplit.none(), "test"));
        assertThat(bed.ledgerMatchesBalances()).isTrue();
    }

    @Test
    void mergingMovesEveryCardAndTheBalanceAndTheMergedHouseholdIsGone() {
        String[] into = householdOfTwo();
        String[] from = householdOfTwo();
        redeem(books, from[0], 5);
        long target = householdOf(into[0]);
        long source = householdOf(from[0]);

        HouseholdView merged = households.merge(source, target, "test");

        assertThat(merged.cards()).hasSize(4);
        assertThat(merged.balance()).isEqualTo(30 + 25);
        assertThat(redeem(pharmacy, from[1], 55).balance()).isZero();
        refused(MemberRefusal.UNKNOWN_HOUSEHOLD, () -> households.merge(source, target, "test"));
        refused(MemberRefusal.UNKNOWN_HOUSEHOLD, () -> households.link(read(EngineTestbed.newCard()), source, "test"));
        assertThat(bed.ledgerMatchesBalances()).isTrue();
    }

    @Test
    void aBlockedCardIsDeclinedForEveryKindOfTransactionUntilItIsUnblocked() {
        String[] pair = householdOfTwo();
        cards.block(read(pair[1]), BlockReason.LOST, "test");

        assertThat(sale(books, pair[1], 1_000).result()).isEqualTo(ResultCode.CARD_BLOCKED);
        assertThat(redeem(books, pair[1], 1).result()).isEqualTo(ResultCode.CARD_BLOCKED);
        assertThat(bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.BALANCE_INQUIRY, pair[1], 0,
                null)).result()).isEqualTo(ResultCode.CARD_BLOCKED);
        assertThat(redeem(books, pair[0], 1).result()).as("the household's other card still works")
                .isEqualTo(ResultCode.APPROVED);
        refused(MemberRefusal.ALREADY_BLOCKED, () -> cards.block(read(pair[1]), BlockReason.STOLEN, "test"));
        refused(MemberRefusal.NOT_BLOCKED, () -> cards.unblock(read(pair[0]), "test"));

        cards.unblock(read(pair[1]), "test");

        assertThat(sale(books, pair[1], 1_000).balance()).isEqualTo(39);
        assertThat(bed.queryLong("SELECT COUNT(*) FROM member_event WHERE event_type IN ('BLOCK', 'UNBLOCK') AND reason "
                + "IS NOT NULL")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aReplacementCardCarriesTheBalanceAndTheOldCardIsDeclinedForGood() {
        String[] pair = householdOfTwo();
        String replacement = EngineTestbed.newCard();
        cards.block(read(pair[1]), BlockReason.STOLEN, "test");

        HouseholdView after = cards.replace(read(pair[1]), read(replacement), "test");

        assertThat(after.balance()).isEqualTo(30);
        assertThat(sale(books, replacement, 1_000).balance()).isEqualTo(40);
        assertThat(sale(books, pair[1], 1_000).result()).isEqualTo(ResultCode.CARD_REPLACED);
        refused(MemberRefusal.CARD_REPLACED, () -> cards.unblock(read(pair[1]), "test"));
        refused(MemberRefusal.CARD_REPLACED, () -> cards.replace(read(pair[1]), read(EngineTestbed.newCard()), "test"));
        refused(MemberRefusal.CARD_IN_USE, () -> cards.replace(read(replacement), read(pair[0]), "test"));
        refused(MemberRefusal.CARD_NOT_ISSUED, () -> cards.replace(read(replacement), read(outsideCard()), "test"));
        refused(MemberRefusal.CARD_ALREADY_ACTIVE, () -> cards.activate(read(replacement), "test"));
    }

    @Test
    void theCardThatReplacedALostOneRefundsAndVoidsWhatTheLostCardBoughtAndNoOtherCardCan() {
        String lost = EngineTestbed.newCard();
        String saleRef = EngineTestbed.ref();
        String secondSaleRef = EngineTestbed.ref();
        bed.engine.apply(bed.coalition.sale(books, saleRef, lost, 2_000));
        bed.engine.apply(bed.coalition.sale(books, secondSaleRef, lost, 1_000));
        String stranger = EngineTestbed.newCard();
        sale(books, stranger, 500);
        String firstReplacement = EngineTestbed.newCard();
        String secondReplacement = EngineTestbed.newCard();
        cards.block(read(lost), BlockReason.LOST, "test");
        cards.replace(read(lost), read(firstReplacement), "test");
        cards.block(read(firstReplacement), BlockReason.DAMAGED, "test");
        cards.replace(read(firstReplacement), read(secondReplacement), "test");

        TransactionOutcome byStranger = bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.REFUND,
                stranger, 2_000, saleRef));
        TransactionOutcome refunded = bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.REFUND,
                secondReplacement, 2_000, saleRef));
        TransactionOutcome voided = bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.VOID,
                secondReplacement, 1_000, secondSaleRef));

        assertThat(byStranger.result()).isEqualTo(ResultCode.CARD_MISMATCH);
        assertThat(refunded.result()).as("a replacement of a replacement answers for the first card").isEqualTo(ResultCode.APPROVED);
        assertThat(voided.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(voided.balance()).as("both sales' points taken back from the account the cards share").isZero();
        assertThat(bed.ledgerMatchesBalances()).isTrue();
    }

    @Test
    void theOperatorCanActivateAnIssuedCardBeforeItsFirstTransaction() {
        String fresh = EngineTestbed.newCard();

        HouseholdView activated = cards.activate(read(fresh), "test");

        assertThat(activated.cards()).singleElement().satisfies(k -> assertThat(k.status()).isEqualTo("ACTIVE"));
        assertThat(bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.BALANCE_INQUIRY, fresh, 0,
                null)).balance()).isZero();
        refused(MemberRefusal.UNKNOWN_CARD, () -> cards.activate(read(outsideCard()), "test"));
    }

    /**
     * Two cards of one household redeem at the same moment, each more than half the balance, round after round:
     * exactly one of the two is approved each time and the balance never goes below zero.
     */
    @Test
    void twoCardsOfOneHouseholdRedeemingAtOnceNeverOverdraw() throws Exception {
        String[] pair = householdOfTwo();
        ExecutorService tills = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                long balance = bed.balanceOf(pair[0]);
                long each = balance / 2 + 1;
                TestMerchant at = round % 2 == 0 ? books : pharmacy;
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<TransactionOutcome>> answers = new ArrayList<>();
                for (String card : pair) {
                    answers.add(tills.submit(() -> {
                        together.await();
                        return redeem(at, card, each);
                    }));
                }
                long approved = 0;
                for (Future<TransactionOutcome> answer : answers) {
                    TransactionOutcome o = answer.get();
                    assertThat(o.result()).isIn(ResultCode.APPROVED, ResultCode.INSUFFICIENT_POINTS);
                    approved += o.approved() ? 1 : 0;
                }
                assertThat(approved).as("round %d: one of the two redemptions of %d from %d", round, each, balance)
                        .isEqualTo(1);
                assertThat(bed.balanceOf(pair[0])).isEqualTo(balance - each).isNotNegative();
                sale(books, pair[0], 3_000);
            }
        } finally {
            tills.shutdownNow();
        }
        assertThat(bed.ledgerMatchesBalances()).isTrue();
    }
}
