package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.admin.ReferenceConflicts;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The money rules decided in issue 12 (items 1-7), run unchanged on the embedded database and a MySQL-compatible
 * server: a reference reused with other content, the card of a linked refund or void, unlinked refunds, negative
 * balances, repeated undos and the balance a copy shows, activation, and the time window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MoneyRulesSuite {
    private EngineTestbed bed;
    private PointsEngine engine;
    private CoalitionFixture coalition;
    private TestMerchant shop;

    abstract DatabaseConfig newDatabase();

    @BeforeAll
    void open() {
        bed = new EngineTestbed(newDatabase());
        engine = bed.engine;
        coalition = bed.coalition;
        shop = bed.merchant();
    }

    @AfterAll
    void close() {
        if (bed != null) {
            bed.close();
        }
    }

    private static String newCard() {
        return EngineTestbed.newCard();
    }

    private static String ref() {
        return EngineTestbed.ref();
    }

    private PosTransaction sale(String ref, String card, long cents) {
        return coalition.sale(shop, ref, card, cents);
    }

    private PosTransaction txn(String ref, TransactionType type, String card, long cents, String original) {
        return coalition.txn(shop, ref, type, card, cents, original);
    }

    private long purchasesUnder(String ref) {
        return bed.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ? AND txn_ref = ?", shop.id().value(), ref);
    }

    // 1. Same reference, different content

    @Test
    void theSameReferenceWithAnotherAmountIsRefusedAndChangesNothing() {
        String card = newCard();
        String reused = ref();
        engine.apply(sale(reused, card, 5_000));

        TransactionOutcome second = engine.apply(sale(reused, card, 7_000));

        assertThat(second.result()).isEqualTo(ResultCode.REFERENCE_REUSED);
        assertThat(second.result().isRefusal()).isTrue();
        assertThat(second.duplicate()).isFalse();
        assertThat(second.points()).isZero();
        assertThat(second.hasBalance()).isFalse();
        assertThat(bed.balanceOf(card)).isEqualTo(50);
        assertThat(purchasesUnder(reused)).isEqualTo(1);
    }

    @Test
    void theSameReferenceWithAnotherCardIsRefusedAndShowsNothingOfTheFirstCard() {
        String first = newCard();
        String second = newCard();
        String reused = ref();
        engine.apply(sale(reused, first, 5_000));

        TransactionOutcome answer = engine.apply(sale(reused, second, 5_000));

        assertThat(answer.result()).isEqualTo(ResultCode.REFERENCE_REUSED);
        assertThat(answer.last4()).isEqualTo(second.substring(12));
        assertThat(answer.hasBalance()).isFalse();
        assertThat(bed.balanceOf(first)).isEqualTo(50);
        assertThat(bed.balanceOf(second)).as("the second card is not activated by a refused message").isNull();
    }

    @Test
    void aReferenceReusedInsideOneBatchIsRefusedToo() {
        String card = newCard();
        String reused = ref();

        List<TransactionOutcome> outcomes = engine.applyBatch(List.of(sale(reused, card, 1_000), sale(reused, card, 2_000),
                sale(reused, card, 1_000)));

        assertThat(outcomes).extracting(TransactionOutcome::result)
                .containsExactly(ResultCode.APPROVED, ResultCode.REFERENCE_REUSED, ResultCode.APPROVED);
        assertThat(outcomes).extracting(TransactionOutcome::duplicate).containsExactly(false, false, true);
        assertThat(bed.balanceOf(card)).isEqualTo(10);
    }

    @Test
    void theOperatorCanListReferenceConflictsWithBothSides() {
        TestMerchant own = bed.merchant();
        String card = newCard();
        String other = newCard();
        String reused = ref();
        engine.apply(coalition.sale(own, reused, card, 4_000));
        engine.apply(coalition.sale(own, reused, other, 9_900));

        List<ReferenceConflicts.Conflict> conflicts = new ReferenceConflicts(bed.database).of(own.id(), 10);

        assertThat(conflicts).hasSize(1);
        ReferenceConflicts.Conflict conflict = conflicts.get(0);
        assertThat(conflict.txnRef()).isEqualTo(reused);
        assertThat(conflict.terminalCode()).isEqualTo("T1");
        assertThat(conflict.amountMinor()).isEqualTo(9_900);
        assertThat(conflict.last4()).isEqualTo(other.substring(12));
        assertThat(conflict.firstAmountMinor()).isEqualTo(4_000);
        assertThat(conflict.firstLast4()).isEqualTo(card.substring(12));
        assertThat(new ReferenceConflicts(bed.database).of(shop.id(), 100))
                .noneMatch(c -> c.txnRef().equals(reused));
    }

    @Test
    void aRefundUnderAUsedReferenceThatNamesAnotherOriginalIsRefused() {
        String card = newCard();
        String saleOne = ref();
        String saleTwo = ref();
        String refundRef = ref();
        engine.apply(sale(saleOne, card, 10_000));
        engine.apply(sale(saleTwo, card, 10_000));
        engine.apply(txn(refundRef, TransactionType.REFUND, card, 5_000, saleOne));

        TransactionOutcome other = engine.apply(txn(refundRef, TransactionType.REFUND, card, 5_000, saleTwo));

        assertThat(other.result()).isEqualTo(ResultCode.REFERENCE_REUSED);
        assertThat(bed.balanceOf(card)).isEqualTo(150);
    }

    // 2. A refund or void must present its original's card

    @Test
    void aRefundWithAnotherCardThanItsSaleIsDeclinedAndTakesNothing() {
        String cardA = newCard();
        String cardB = newCard();
        String saleRef = ref();
        engine.apply(sale(saleRef, cardA, 10_000));
        engine.apply(sale(ref(), cardB, 2_000));

        TransactionOutcome refund = engine.apply(txn(ref(), TransactionType.REFUND, cardB, 10_000, saleRef));

        assertThat(refund.result()).isEqualTo(ResultCode.CARD_MISMATCH);
        assertThat(refund.points()).isZero();
        assertThat(refund.last4()).isEqualTo(cardB.substring(12));
        assertThat(refund.balance()).as("the presented card's own balance").isEqualTo(20);
        assertThat(bed.balanceOf(cardA)).isEqualTo(100);
        TransactionOutcome rightCard = engine.apply(txn(ref(), TransactionType.REFUND, cardA, 10_000, saleRef));
        assertThat(rightCard.points()).as("the sale is still wholly refundable").isEqualTo(-100);
    }

    @Test
    void aVoidOrReversalWithAnotherCardIsDeclined() {
        String cardA = newCard();
        String cardB = newCard();
        String saleRef = ref();
        engine.apply(sale(saleRef, cardA, 3_000));

        TransactionOutcome voided = engine.apply(txn(ref(), TransactionType.VOID, cardB, 0, saleRef));
        TransactionOutcome reversed = engine.apply(txn(ref(), TransactionType.REVERSAL, cardB, 0, saleRef));

        assertThat(voided.result()).isEqualTo(ResultCode.CARD_MISMATCH);
        assertThat(reversed.result()).isEqualTo(ResultCode.CARD_MISMATCH);
        assertThat(bed.balanceOf(cardA)).isEqualTo(30);
        assertThat(bed.balanceOf(cardB)).as("a declined undo does not activate the card").isNull();
    }

    // 3. Unlinked refunds

    @Test
    void anUnlinkedRefundMovesNoPointsWhateverTheBalance() {
        String card = newCard();
        engine.apply(sale(ref(), card, 4_000)); // 40

        TransactionOutcome refund = engine.apply(txn(ref(), TransactionType.REFUND, card, 100_000, null));

        assertThat(refund.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(refund.points()).isZero();
        assertThat(refund.balance()).isEqualTo(40);
    }

    @Test
    void anUnlinkedRefundAndALaterReversalOfTheSaleTakeThePointsOnlyOnce() {
        String card = newCard();
        String saleRef = ref();
        engine.apply(sale(saleRef, card, 4_000)); // 40
        engine.apply(txn(ref(), TransactionType.REFUND, card, 4_000, null));

        TransactionOutcome reversal = engine.apply(txn(ref(), TransactionType.REVERSAL, card, 0, saleRef));

        assertThat(reversal.points()).isEqualTo(-40);
        assertThat(reversal.balance()).isZero();
    }

    // 4. Negative balances

    @Test
    void aRefundOfSpentPointsLeavesADebtThatBlocksRedemptionAndIsPaidOffByLaterEarnings() {
        String card = newCard();
        String saleRef = ref();
        engine.apply(sale(saleRef, card, 5_000)); // +50
        engine.apply(txn(ref(), TransactionType.REDEEM, card, 50, null)); // -50

        TransactionOutcome refund = engine.apply(txn(ref(), TransactionType.REFUND, card, 5_000, saleRef));
        TransactionOutcome redeem = engine.apply(txn(ref(), TransactionType.REDEEM, card, 1, null));
        TransactionOutcome inquiry = engine.apply(txn(ref(), TransactionType.BALANCE_INQUIRY, card, 0, null));
        TransactionOutcome earn = engine.apply(sale(ref(), card, 3_000)); // +30

        assertThat(refund.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(refund.points()).isEqualTo(-50);
        assertThat(refund.balance()).isEqualTo(-50);
        assertThat(redeem.result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(inquiry.balance()).isEqualTo(-50);
        assertThat(inquiry.hasBalance()).isTrue();
        assertThat(earn.balance()).isEqualTo(-20);
        assertThat(bed.balanceOf(card)).isEqualTo(-20);
        assertThat(bed.ledgerMatchesBalances()).isTrue();
    }

    @Test
    void aBalanceOfMinusOneIsShownAsABalance() {
        String card = newCard();
        String saleRef = ref();
        engine.apply(sale(saleRef, card, 100)); // +1
        engine.apply(txn(ref(), TransactionType.REDEEM, card, 1, null));
        engine.apply(sale(ref(), card, 99)); // +0

        TransactionOutcome voided = engine.apply(txn(ref(), TransactionType.VOID, card, 0, saleRef));

        assertThat(voided.balance()).isEqualTo(-1);
        assertThat(voided.hasBalance()).isTrue();
    }

    // 5. Repeated undos, and the balance an answer shows

    @Test
    void aSecondUndoUnderANewReferenceIsDeclinedAndACopyOfTheFirstShowsTheBalanceAsItIsNow() {
        String card = newCard();
        String saleRef = ref();
        String firstVoid = ref();
        engine.apply(sale(saleRef, card, 4_200)); // 42
        engine.apply(sale(ref(), card, 1_000)); // 52
        TransactionOutcome first = engine.apply(txn(firstVoid, TransactionType.REVERSAL, card, 0, saleRef)); // 10
        engine.apply(sale(ref(), card, 2_000)); // 30

        TransactionOutcome again = engine.apply(txn(ref(), TransactionType.REVERSAL, card, 0, saleRef));
        TransactionOutcome copy = engine.apply(txn(firstVoid, TransactionType.REVERSAL, card, 0, saleRef));

        assertThat(first.balance()).isEqualTo(10);
        assertThat(again.result()).isEqualTo(ResultCode.ALREADY_REVERSED);
        assertThat(again.balance()).isEqualTo(30);
        assertThat(copy.duplicate()).isTrue();
        assertThat(copy.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(copy.points()).isEqualTo(-42);
        assertThat(copy.balance()).as("the balance now, not the one after the first answer").isEqualTo(30);
    }

    @Test
    void aCopyInsideABatchShowsTheBalanceAtItsPlaceInTheBatch() {
        String card = newCard();
        PosTransaction first = sale(ref(), card, 1_000);

        List<TransactionOutcome> outcomes = engine.applyBatch(List.of(first, sale(ref(), card, 2_000), first));

        assertThat(outcomes).extracting(TransactionOutcome::balance).containsExactly(10L, 30L, 30L);
        assertThat(outcomes.get(2).points()).isEqualTo(10);
    }

    // 6. Activation only on an applied transaction

    @Test
    void aSaleDeclinedForItsCurrencyDoesNotActivateTheCard() {
        String card = newCard();
        PosTransaction usd = coalition.txn(shop, ref(), TransactionType.SALE, coalition.cards().read(card), 1_000, "USD",
                CoalitionFixture.OCCURRED_AT, null);

        TransactionOutcome declined = engine.apply(usd);

        assertThat(declined.result()).isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
        assertThat(declined.balance()).as("an issued card without an account holds 0").isZero();
        assertThat(bed.balanceOf(card)).isNull();
        assertThat(bed.queryLong("SELECT COUNT(*) FROM card WHERE last4 = ?", card.substring(12))).isZero();
    }

    @Test
    void aBalanceInquiryOrADeclinedRedemptionOfANewCardCreatesNoAccountButAnApprovedSaleDoes() {
        String card = newCard();

        TransactionOutcome inquiry = engine.apply(txn(ref(), TransactionType.BALANCE_INQUIRY, card, 0, null));
        TransactionOutcome redeem = engine.apply(txn(ref(), TransactionType.REDEEM, card, 10, null));
        long accountsBefore = bed.queryLong("SELECT COUNT(*) FROM member_account");
        TransactionOutcome sale = engine.apply(sale(ref(), card, 700));

        assertThat(inquiry.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(inquiry.balance()).isZero();
        assertThat(redeem.result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(sale.balance()).isEqualTo(7);
        assertThat(bed.queryLong("SELECT COUNT(*) FROM member_account")).isEqualTo(accountsBefore + 1);
        assertThat(bed.balanceOf(card)).isEqualTo(7);
    }

    @Test
    void aCopyOfADeclinedFirstSwipeIsStillACopyOnceTheCardIsActivated() {
        String card = newCard();
        String declinedRef = ref();
        PosTransaction usd = coalition.txn(shop, declinedRef, TransactionType.SALE, coalition.cards().read(card), 1_000,
                "USD", CoalitionFixture.OCCURRED_AT, null);
        engine.apply(usd);
        engine.apply(sale(ref(), card, 1_500));

        TransactionOutcome copy = engine.apply(usd);

        assertThat(copy.duplicate()).isTrue();
        assertThat(copy.result()).isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
        assertThat(copy.balance()).isEqualTo(15);
    }

    // 7. occurredAt bounds

    @Test
    void aTransactionFromTooFarInTheFutureOrPastIsRefusedAndClaimsNoReference() {
        String card = newCard();
        OffsetDateTime now = OffsetDateTime.now(CoalitionFixture.CLOCK);
        String future = ref();
        String past = ref();
        String ancient = ref();

        TransactionOutcome tooEarly = engine.apply(at(future, card, now.plusHours(2)));
        TransactionOutcome tooOld = engine.apply(at(past, card, now.minusDays(91)));
        TransactionOutcome yearOne = engine.apply(at(ancient, card, OffsetDateTime.parse("0001-01-01T00:00:00Z")));
        TransactionOutcome yearLast = engine.apply(at(ref(), card, OffsetDateTime.parse("9999-12-31T23:59:59Z")));

        assertThat(List.of(tooEarly, tooOld, yearOne, yearLast)).extracting(TransactionOutcome::result)
                .containsOnly(ResultCode.OCCURRED_AT_OUT_OF_RANGE);
        assertThat(purchasesUnder(future) + purchasesUnder(past) + purchasesUnder(ancient)).isZero();
        assertThat(bed.balanceOf(card)).isNull();
        TransactionOutcome corrected = engine.apply(at(future, card, now.minusMinutes(5)));
        assertThat(corrected.result()).as("the reference was not used up").isEqualTo(ResultCode.APPROVED);
        assertThat(engine.apply(at(ref(), card, now.plusMinutes(50))).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(engine.apply(at(ref(), card, now.minusDays(89))).result()).isEqualTo(ResultCode.APPROVED);
    }

    private PosTransaction at(String ref, String card, OffsetDateTime when) {
        return coalition.txn(shop, ref, TransactionType.SALE, coalition.cards().read(card), 1_000, "EUR", when, null);
    }
}
