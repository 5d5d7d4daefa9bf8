package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.admin.TransactionLimitSettings;
import io.loyaltyhub.domain.admin.TransactionLimitSettings.Limits;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Limits that stop abuse (issue 14), on the embedded database and a MySQL-compatible server. Each test has its own
 * database, because limits hold for the whole programme.
 */
abstract class LimitsSuite {
    private EngineTestbed bed;
    private TestMerchant books;
    private TestMerchant pharmacy;
    private TransactionLimitSettings limits;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        bed = new EngineTestbed(newDatabase());
        books = bed.merchant();
        pharmacy = bed.merchant();
        limits = new TransactionLimitSettings(bed.database, IdGenerator.forNode(9), CoalitionFixture.CLOCK);
    }

    @AfterEach
    void close() {
        if (bed != null) {
            assertThat(bed.ledgerMatchesBalances()).isTrue();
            bed.close();
        }
    }

    private TransactionOutcome sale(TestMerchant m, String card, long cents) {
        return bed.engine.apply(bed.coalition.sale(m, EngineTestbed.ref(), card, cents));
    }

    private TransactionOutcome redeem(TestMerchant m, String card, long points) {
        return bed.engine.apply(bed.coalition.txn(m, EngineTestbed.ref(), TransactionType.REDEEM, card, points, null));
    }

    @Test
    void aSaleAboveTheLargestAmountIsDeclinedCreditsNothingAndIsListedForTheOperator() {
        limits.set(null, new Limits(900_000L, null, null, null));
        limits.set(books.id(), new Limits(50_000L, null, null, null));
        String card = EngineTestbed.newCard();

        TransactionOutcome huge = sale(pharmacy, card, 900_000_000);
        TransactionOutcome overMerchants = sale(books, card, 60_000);
        TransactionOutcome underProgrammes = sale(pharmacy, card, 60_000);

        assertThat(huge.result()).isEqualTo(ResultCode.AMOUNT_OVER_LIMIT);
        assertThat(huge.points()).isZero();
        assertThat(overMerchants.result()).as("the merchant's stricter limit").isEqualTo(ResultCode.AMOUNT_OVER_LIMIT);
        assertThat(underProgrammes.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(bed.balanceOf(card)).isEqualTo(600);
        assertThat(limits.refusals(pharmacy.id(), 10)).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("AMOUNT_OVER_LIMIT");
            assertThat(r.amountMinor()).isEqualTo(900_000_000);
            assertThat(r.limit()).isEqualTo(900_000);
            assertThat(r.terminalCode()).isEqualTo("T1");
            assertThat(r.last4()).isEqualTo(card.substring(12));
        });
        assertThat(limits.refusals(books.id(), 10)).hasSize(1);
    }

    @Test
    void eightSalesOfNineMillionInAFewSecondsAreAllDeclinedOnceALimitIsSet() {
        limits.set(null, new Limits(1_000_000L, null, null, null));
        String card = EngineTestbed.newCard();
        List<PosTransaction> burst = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> bed.coalition.sale(books, EngineTestbed.ref(), card, 900_000_000L)).toList();

        List<TransactionOutcome> answers = bed.engine.applyBatch(burst);

        assertThat(answers).extracting(TransactionOutcome::result).containsOnly(ResultCode.AMOUNT_OVER_LIMIT);
        assertThat(bed.balanceOf(card)).as("the card was never activated").isNull();
    }

    @Test
    void aCardPresentedMoreOftenThanAllowedThisHourIsDeclinedUntilTheNextHour() {
        limits.set(null, new Limits(null, 3L, null, null));
        String card = EngineTestbed.newCard();
        for (int i = 0; i < 3; i++) {
            assertThat(sale(i % 2 == 0 ? books : pharmacy, card, 1_000).result()).isEqualTo(ResultCode.APPROVED);
        }

        TransactionOutcome fourth = sale(books, card, 1_000);
        PointsEngine nextHour = new PointsEngine(bed.database, IdGenerator.forNode(3),
                Clock.offset(CoalitionFixture.CLOCK, Duration.ofHours(1)), 8);
        TransactionOutcome later = nextHour.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, 1_000));

        assertThat(fourth.result()).isEqualTo(ResultCode.CARD_SWIPE_LIMIT);
        assertThat(later.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(later.balance()).isEqualTo(40);
    }

    @Test
    void aMerchantsSwipeLimitCountsOnlyItsOwnTills() {
        limits.set(books.id(), new Limits(null, 1L, null, null));
        String card = EngineTestbed.newCard();
        sale(books, card, 1_000);

        assertThat(sale(pharmacy, card, 1_000).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(sale(books, card, 1_000).result()).isEqualTo(ResultCode.CARD_SWIPE_LIMIT);
    }

    @Test
    void pointsRedeemedPerCardPerDayAreCappedAndADeclinedRedemptionDoesNotCount() {
        limits.set(null, new Limits(null, null, 50L, null));
        String card = EngineTestbed.newCard();
        sale(books, card, 20_000); // 200 points

        assertThat(redeem(books, card, 30).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(redeem(pharmacy, card, 30).result()).isEqualTo(ResultCode.REDEEM_LIMIT);
        assertThat(redeem(pharmacy, card, 20).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(redeem(pharmacy, card, 1).result()).isEqualTo(ResultCode.REDEEM_LIMIT);
        assertThat(bed.balanceOf(card)).isEqualTo(150);
    }

    @Test
    void aTerminalSendingMoreThanAllowedThisMinuteIsDeclinedAndACopyGetsTheSameAnswer() {
        limits.set(books.id(), new Limits(null, null, null, 2L));
        PosTransaction third = bed.coalition.sale(books, EngineTestbed.ref(), EngineTestbed.newCard(), 1_000);

        List<TransactionOutcome> answers = bed.engine.applyBatch(List.of(
                bed.coalition.sale(books, EngineTestbed.ref(), EngineTestbed.newCard(), 1_000),
                bed.coalition.sale(books, EngineTestbed.ref(), EngineTestbed.newCard(), 1_000), third));
        TransactionOutcome copy = bed.engine.apply(third);

        assertThat(answers).extracting(TransactionOutcome::result)
                .containsExactly(ResultCode.APPROVED, ResultCode.APPROVED, ResultCode.TERMINAL_RATE_LIMIT);
        assertThat(copy.duplicate()).isTrue();
        assertThat(copy.result()).isEqualTo(ResultCode.TERMINAL_RATE_LIMIT);
        assertThat(sale(pharmacy, EngineTestbed.newCard(), 1_000).result()).as("another merchant's till")
                .isEqualTo(ResultCode.APPROVED);
    }

    @Test
    void withoutLimitsNothingIsCounted() {
        sale(books, EngineTestbed.newCard(), 1_000);

        assertThat(bed.queryLong("SELECT COUNT(*) FROM limit_counter")).isZero();
        assertThat(limits.all()).isEmpty();
    }
}
