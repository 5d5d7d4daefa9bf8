package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.admin.TransactionLimitSettings;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.reward.MailedRedemptions;
import io.loyaltyhub.domain.reward.NewReward;
import io.loyaltyhub.domain.reward.PointValue;
import io.loyaltyhub.domain.reward.PointValues;
import io.loyaltyhub.domain.reward.Redemption;
import io.loyaltyhub.domain.reward.Reward;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.domain.reward.RewardRefusal;
import io.loyaltyhub.domain.reward.RewardRefused;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rewards catalogue (issue 15, docs/rewards.md) on the embedded database and a MySQL-compatible server: redeeming
 * a reward at a till, the coded refusals, the void that gives points and stock back, gifts the operator mails, and a
 * stock that is never oversold when tills on several hub nodes redeem its last gifts at once.
 */
abstract class RewardsSuite {
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 12, 31);

    private EngineTestbed bed;
    private TestMerchant books;
    private TestMerchant pharmacy;
    private RewardCatalogue catalogue;
    private MailedRedemptions mailed;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        bed = new EngineTestbed(newDatabase());
        books = bed.merchant();
        pharmacy = bed.merchant();
        catalogue = new RewardCatalogue(bed.database, IdGenerator.forNode(11), CoalitionFixture.CLOCK);
        mailed = new MailedRedemptions(bed.database, IdGenerator.forNode(12), CoalitionFixture.CLOCK);
    }

    @AfterEach
    void close() {
        if (bed != null) {
            assertThat(bed.ledgerMatchesBalances()).isTrue();
            bed.close();
        }
    }

    private Reward reward(String code, MerchantId owner, long price, Long stock, boolean everywhere, MerchantId... alsoAt) {
        return catalogue.add(new NewReward(code, "Gift " + code, owner, price, stock, FROM, UNTIL, everywhere, List.of(alsoAt)));
    }

    /** A card with {@code points} to spend, earned at the bookshop (rate 1 point per 1.00). */
    private String cardWith(long points) {
        String card = EngineTestbed.newCard();
        assertThat(bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, points * 100)).approved()).isTrue();
        return card;
    }

    private PosTransaction redeemReward(TestMerchant at, String ref, String card, String code) {
        return new PosTransaction(at.id(), at.store(), at.terminal(), new TxnRef(ref), TransactionType.REDEEM,
                bed.coalition.cards().read(card), Money.of(0, "XXX"), CoalitionFixture.OCCURRED_AT, List.of(), null, 0,
                Channel.HTTP_JSON, code);
    }

    private Long stockOf(String code) {
        return catalogue.find(code).stockLeft();
    }

    @Test
    void aTillRedeemsARewardForItsPriceTakesOneFromStockAndRecordsItFulfilled() {
        reward("MUG", null, 300, 10L, true);
        String card = cardWith(500);

        TransactionOutcome answer = bed.engine.apply(redeemReward(pharmacy, "r-1", card, "MUG"));

        assertThat(answer.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(answer.points()).isEqualTo(-300);
        assertThat(answer.balance()).isEqualTo(200);
        assertThat(stockOf("MUG")).isEqualTo(9);
        assertThat(catalogue.redeemedByStatus("MUG")).isEqualTo(Map.of("FULFILLED", 1L));
    }

    @Test
    void aCopyOfARedemptionGetsTheFirstAnswerAndTakesNoSecondGift() {
        reward("MUG", null, 300, 10L, true);
        String card = cardWith(1_000);

        TransactionOutcome first = bed.engine.apply(redeemReward(pharmacy, "r-1", card, "MUG"));
        TransactionOutcome copy = bed.engine.apply(redeemReward(pharmacy, "r-1", card, "MUG"));
        TransactionOutcome otherReward = bed.engine.apply(redeemReward(pharmacy, "r-1", card, "CUP"));

        assertThat(copy.duplicate()).isTrue();
        assertThat(copy.points()).isEqualTo(first.points());
        assertThat(otherReward.result()).as("another reward under the same reference").isEqualTo(ResultCode.REFERENCE_REUSED);
        assertThat(bed.balanceOf(card)).isEqualTo(700);
        assertThat(stockOf("MUG")).isEqualTo(9);
    }

    @Test
    void theLastGiftGoesOnceAndTheNextTillIsToldOutOfStockWithNothingTaken() {
        reward("LAST", null, 100, 1L, true);
        String first = cardWith(500);
        String second = cardWith(500);

        assertThat(bed.engine.apply(redeemReward(books, "o-1", first, "LAST")).result()).isEqualTo(ResultCode.APPROVED);
        TransactionOutcome none = bed.engine.apply(redeemReward(pharmacy, "o-2", second, "LAST"));

        assertThat(none.result()).isEqualTo(ResultCode.REWARD_OUT_OF_STOCK);
        assertThat(none.points()).isZero();
        assertThat(bed.balanceOf(second)).isEqualTo(500);
        assertThat(stockOf("LAST")).isZero();
    }

    @Test
    void anUnknownExpiredOrUnaffordableRewardIsDeclinedWithItsCodeAndMovesNothing() {
        catalogue.add(new NewReward("OLD", "Last year's calendar", null, 50, null, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), true, List.of()));
        catalogue.add(new NewReward("SOON", "Next year's calendar", null, 50, null, LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 12, 31), true, List.of()));
        reward("TV", null, 90_000, null, true);
        String card = cardWith(100);

        assertThat(bed.engine.apply(redeemReward(books, "u-1", card, "NOPE")).result()).isEqualTo(ResultCode.REWARD_UNKNOWN);
        assertThat(bed.engine.apply(redeemReward(books, "u-2", card, "OLD")).result()).isEqualTo(ResultCode.REWARD_EXPIRED);
        assertThat(bed.engine.apply(redeemReward(books, "u-3", card, "SOON")).result()).isEqualTo(ResultCode.REWARD_EXPIRED);
        assertThat(bed.engine.apply(redeemReward(books, "u-4", card, "TV")).result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(bed.engine.apply(redeemReward(books, "u-5", EngineTestbed.newCard(), "TV")).result())
                .as("a card with no account yet").isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(bed.balanceOf(card)).isEqualTo(100);
    }

    @Test
    void aMerchantsOwnGiftIsHandedOutOnlyByItAndTheMerchantsItSharesItWith() {
        TestMerchant florist = bed.merchant();
        reward("BOOKMARK", books.id(), 20, null, false);
        reward("SHARED", books.id(), 20, null, false, florist.id());
        String card = cardWith(500);

        assertThat(bed.engine.apply(redeemReward(books, "s-1", card, "BOOKMARK")).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(bed.engine.apply(redeemReward(pharmacy, "s-2", card, "BOOKMARK")).result())
                .isEqualTo(ResultCode.REWARD_NOT_OFFERED_HERE);
        assertThat(bed.engine.apply(redeemReward(florist, "s-3", card, "SHARED")).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(bed.engine.apply(redeemReward(pharmacy, "s-4", card, "SHARED")).result())
                .isEqualTo(ResultCode.REWARD_NOT_OFFERED_HERE);
        assertThat(bed.balanceOf(card)).isEqualTo(460);
        assertThat(catalogue.find("SHARED").offeredAt()).containsExactly(florist.id());
    }

    @Test
    void anOperatorsRewardListedForSomeMerchantsIsNotOfferedAtOthers() {
        reward("LISTED", null, 10, null, false, books.id());
        String card = cardWith(100);

        assertThat(bed.engine.apply(redeemReward(books, "l-1", card, "LISTED")).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(bed.engine.apply(redeemReward(pharmacy, "l-2", card, "LISTED")).result())
                .isEqualTo(ResultCode.REWARD_NOT_OFFERED_HERE);
    }

    @Test
    void voidingARedemptionGivesThePointsAndTheGiftBackAndCancelsIt() {
        reward("MUG", null, 300, 2L, true);
        String card = cardWith(500);
        bed.engine.apply(redeemReward(pharmacy, "v-1", card, "MUG"));

        TransactionOutcome undone = bed.engine.apply(bed.coalition.txn(pharmacy, "v-2", TransactionType.VOID, card, 0, "v-1"));

        assertThat(undone.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(undone.points()).isEqualTo(300);
        assertThat(bed.balanceOf(card)).isEqualTo(500);
        assertThat(stockOf("MUG")).isEqualTo(2);
        assertThat(catalogue.redeemedByStatus("MUG")).isEqualTo(Map.of("CANCELLED", 1L));
    }

    @Test
    void aRewardsPriceCountsAgainstTheCardsDailyRedeemLimit() {
        new TransactionLimitSettings(bed.database, IdGenerator.forNode(13), CoalitionFixture.CLOCK)
                .set(null, new TransactionLimitSettings.Limits(null, null, 400L, null));
        reward("MUG", null, 300, null, true);
        String card = cardWith(1_000);

        assertThat(bed.engine.apply(redeemReward(books, "d-1", card, "MUG")).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(bed.engine.apply(redeemReward(books, "d-2", card, "MUG")).result()).isEqualTo(ResultCode.REDEEM_LIMIT);
        assertThat(bed.balanceOf(card)).isEqualTo(700);
    }

    @Test
    void theOperatorReservesAMailedGiftThenSendsItOrCancelsItWithPointsAndStockBack() {
        reward("HAMPER", null, 400, 3L, true);
        String card = cardWith(1_000);

        Redemption sent = mailed.reserve(bed.coalition.cards().read(card), "HAMPER", "op");
        Redemption kept = mailed.reserve(bed.coalition.cards().read(card), "HAMPER", "op");
        assertThat(kept.balance()).isEqualTo(200);
        assertThat(stockOf("HAMPER")).isEqualTo(1);

        assertThat(mailed.fulfil(sent.id(), "op").status()).isEqualTo("FULFILLED");
        Redemption cancelled = mailed.cancel(kept.id(), "op");

        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.balance()).isEqualTo(600);
        assertThat(bed.balanceOf(card)).isEqualTo(600);
        assertThat(stockOf("HAMPER")).isEqualTo(2);
        assertThatThrownBy(() -> mailed.cancel(sent.id(), "op")).isInstanceOfSatisfying(RewardRefused.class,
                r -> assertThat(r.refusal()).isEqualTo(RewardRefusal.REDEMPTION_NOT_RESERVED));
        assertThatThrownBy(() -> mailed.cancel(kept.id(), "op")).isInstanceOfSatisfying(RewardRefused.class,
                r -> assertThat(r.refusal()).isEqualTo(RewardRefusal.REDEMPTION_NOT_RESERVED));
        assertThat(bed.balanceOf(card)).as("a second cancellation gives nothing back").isEqualTo(600);
    }

    @Test
    void aMailedGiftTheMemberCannotAffordOrThatIsGoneIsRefusedAndNothingMoves() {
        reward("HAMPER", null, 400, 1L, true);
        String poor = cardWith(100);
        String rich = cardWith(1_000);

        assertThatThrownBy(() -> mailed.reserve(bed.coalition.cards().read(poor), "HAMPER", "op"))
                .isInstanceOfSatisfying(RewardRefused.class, r -> assertThat(r.refusal()).isEqualTo(RewardRefusal.INSUFFICIENT_POINTS));
        mailed.reserve(bed.coalition.cards().read(rich), "HAMPER", "op");
        assertThatThrownBy(() -> mailed.reserve(bed.coalition.cards().read(rich), "HAMPER", "op"))
                .isInstanceOfSatisfying(RewardRefused.class, r -> assertThat(r.refusal()).isEqualTo(RewardRefusal.REWARD_OUT_OF_STOCK));
        assertThatThrownBy(() -> mailed.reserve(bed.coalition.cards().read(EngineTestbed.newCard()), "HAMPER", "op"))
                .isInstanceOfSatisfying(RewardRefused.class, r -> assertThat(r.refusal()).isEqualTo(RewardRefusal.UNKNOWN_CARD));
        assertThat(bed.balanceOf(poor)).isEqualTo(100);
        assertThat(bed.balanceOf(rich)).isEqualTo(600);
    }

    @Test
    void aBadRewardOrATakenCodeIsRefusedAndNothingIsAdded() {
        reward("MUG", null, 300, null, true);

        assertThatThrownBy(() -> reward("MUG", null, 10, null, true)).isInstanceOfSatisfying(RewardRefused.class,
                r -> assertThat(r.refusal()).isEqualTo(RewardRefusal.REWARD_CODE_TAKEN));
        assertThatThrownBy(() -> reward("FREE", null, 0, null, true)).isInstanceOfSatisfying(RewardRefused.class,
                r -> assertThat(r.getMessage()).contains("pricePoints"));
        assertThatThrownBy(() -> new NewReward("BACK", "Backwards", null, 5, null, UNTIL, FROM, true, List.of()))
                .isInstanceOfSatisfying(RewardRefused.class, r -> assertThat(r.refusal()).isEqualTo(RewardRefusal.INVALID_REWARD));
        assertThatThrownBy(() -> reward("NOWHERE", null, 5, null, false)).isInstanceOf(RewardRefused.class);
        assertThat(catalogue.list()).extracting(Reward::code).containsExactly("MUG");
    }

    private PosTransaction payWithPoints(String ref, String card, long points, long saleCents) {
        return new PosTransaction(pharmacy.id(), pharmacy.store(), pharmacy.terminal(), new TxnRef(ref), TransactionType.REDEEM,
                bed.coalition.cards().read(card), Money.of(saleCents, "EUR"), CoalitionFixture.OCCURRED_AT, List.of(), null,
                points, Channel.HTTP_JSON, null, true);
    }

    private PointValues pointValues() {
        return new PointValues(bed.database, CoalitionFixture.CLOCK);
    }

    @Test
    void aTillPaysPartOfASaleWithPointsAndACopySaysTheSameEvenAfterThePointsValueChanged() {
        pointValues().set(new PointValue("EUR", 100, 100));
        String card = cardWith(500);

        TransactionOutcome paid = bed.engine.apply(payWithPoints("p-1", card, 300, 1_250));
        pointValues().set(new PointValue("EUR", 200, 100));
        TransactionOutcome copy = bed.engine.apply(payWithPoints("p-1", card, 300, 1_250));

        assertThat(paid.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(paid.points()).isEqualTo(-300);
        assertThat(paid.covered()).as("300 points at 100 points = 1.00 EUR").isEqualTo(300);
        assertThat(copy.duplicate()).isTrue();
        assertThat(copy.covered()).isEqualTo(300);
        assertThat(bed.balanceOf(card)).isEqualTo(200);
    }

    @Test
    void onlyThePointsTheCoveredMoneyIsWorthAreTakenAndItsReversalGivesThemBack() {
        pointValues().set(new PointValue("EUR", 3, 1));
        String card = cardWith(500);

        TransactionOutcome paid = bed.engine.apply(payWithPoints("q-1", card, 10, 1_000));
        assertThat(paid.covered()).as("10 points at 3 points a cent pay 3 cents").isEqualTo(3);
        assertThat(paid.points()).as("and 9 points are taken for them").isEqualTo(-9);

        TransactionOutcome reversed = bed.engine.apply(bed.coalition.txn(pharmacy, "q-1", TransactionType.REVERSAL, card, 0, "q-1"));
        assertThat(reversed.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(reversed.points()).isEqualTo(9);
        assertThat(bed.balanceOf(card)).isEqualTo(500);
    }

    @Test
    void payingWithMorePointsThanTheSaleIsWorthOrInACurrencyWithoutAValueIsDeclinedAndMovesNothing() {
        pointValues().set(new PointValue("EUR", 100, 100));
        String card = cardWith(5_000);

        assertThat(bed.engine.apply(payWithPoints("x-1", card, 2_000, 1_000)).result()).isEqualTo(ResultCode.POINTS_EXCEED_SALE);
        assertThat(bed.engine.apply(new PosTransaction(pharmacy.id(), pharmacy.store(), pharmacy.terminal(), new TxnRef("x-2"),
                TransactionType.REDEEM, bed.coalition.cards().read(card), Money.of(1_000, "USD"), CoalitionFixture.OCCURRED_AT,
                List.of(), null, 100, Channel.HTTP_JSON, null, true)).result()).isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
        assertThat(bed.engine.apply(payWithPoints("x-3", card, 6_000, 10_000)).result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(bed.balanceOf(card)).isEqualTo(5_000);
        assertThatThrownBy(() -> new PointValue("EUR", 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Twenty members redeem the last five gifts at once, from tills served by four engines (as four hub nodes, each with
     * its own connections): five are approved, fifteen told out of stock, and nobody pays for a gift they did not get.
     */
    @Test
    void concurrentRedemptionsOnSeveralNodesNeverHandOutMoreThanTheStock() throws Exception {
        reward("LAST5", null, 100, 5L, true);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cards.add(cardWith(100));
        }
        List<PointsEngine> nodes = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            nodes.add(new PointsEngine(bed.database, IdGenerator.forNode(20 + node), CoalitionFixture.CLOCK, 50));
        }
        ExecutorService tills = Executors.newFixedThreadPool(8);
        List<TransactionOutcome> answers = new ArrayList<>();
        try {
            List<Callable<TransactionOutcome>> work = new ArrayList<>();
            for (int i = 0; i < cards.size(); i++) {
                PointsEngine engine = nodes.get(i % nodes.size());
                PosTransaction t = redeemReward(i % 2 == 0 ? books : pharmacy, "c-" + i, cards.get(i), "LAST5");
                work.add(() -> engine.apply(t));
            }
            for (Future<TransactionOutcome> f : tills.invokeAll(work)) {
                answers.add(f.get());
            }
        } finally {
            tills.shutdownNow();
        }

        assertThat(answers).filteredOn(a -> a.result() == ResultCode.APPROVED).hasSize(5);
        assertThat(answers).filteredOn(a -> a.result() == ResultCode.REWARD_OUT_OF_STOCK).hasSize(15);
        assertThat(stockOf("LAST5")).isZero();
        assertThat(catalogue.redeemedByStatus("LAST5")).isEqualTo(Map.of("FULFILLED", 5L));
        long spent = cards.stream().mapToLong(c -> 100 - bed.balanceOf(c)).sum();
        assertThat(spent).as("points taken only for gifts handed out").isEqualTo(500);
    }
}
