package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.earn.Campaign;
import io.loyaltyhub.domain.earn.CampaignEnding;
import io.loyaltyhub.domain.earn.EarnRuleRefused;
import io.loyaltyhub.domain.earn.MerchantCampaigns;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.reward.MerchantGifts;
import io.loyaltyhub.domain.reward.NewReward;
import io.loyaltyhub.domain.reward.Reward;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.domain.reward.RewardRefusal;
import io.loyaltyhub.domain.reward.RewardRefused;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A merchant's own gifts and campaigns (docs/rewards.md, "A merchant's own gifts and campaigns") on the embedded
 * database and a MySQL-compatible server: what it adds its tills hand out (and no other merchant's), what it ends stops,
 * and another merchant's gift or campaign is unknown to it, whatever it tries. The fixture's clock is
 * 2026-11-21T09:15:30Z; its merchants earn 1 point per 1.00.
 */
abstract class MerchantGiftsAndCampaignsSuite {
    private static final OffsetDateTime NOW = OffsetDateTime.ofInstant(CoalitionFixture.CLOCK.instant(), ZoneOffset.UTC);
    private static final LocalDate TODAY = NOW.toLocalDate();

    private EngineTestbed bed;
    private TestMerchant books;
    private TestMerchant pharmacy;
    private MerchantGifts gifts;
    private MerchantCampaigns campaigns;
    private RewardCatalogue catalogue;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        bed = new EngineTestbed(newDatabase());
        books = bed.merchant();
        pharmacy = bed.merchant();
        gifts = new MerchantGifts(bed.database, IdGenerator.forNode(21), CoalitionFixture.CLOCK);
        campaigns = new MerchantCampaigns(bed.database, IdGenerator.forNode(22), CoalitionFixture.CLOCK);
        catalogue = new RewardCatalogue(bed.database, IdGenerator.forNode(23), CoalitionFixture.CLOCK);
    }

    @AfterEach
    void close() {
        if (bed != null) {
            assertThat(bed.ledgerMatchesBalances()).isTrue();
            bed.close();
        }
    }

    private String cardWith(long points) {
        String card = EngineTestbed.newCard();
        assertThat(bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, points * 100)).approved()).isTrue();
        return card;
    }

    private TransactionOutcome redeem(TestMerchant at, String card, String code, OffsetDateTime when) {
        return bed.engine.apply(new PosTransaction(at.id(), at.store(), at.terminal(), new TxnRef(EngineTestbed.ref()),
                TransactionType.REDEEM, bed.coalition.cards().read(card), Money.of(0, "XXX"), when, List.of(), null, 0,
                Channel.HTTP_JSON, code));
    }

    private TransactionOutcome sale(TestMerchant at, String card, long cents, OffsetDateTime when) {
        return bed.engine.apply(bed.coalition.txn(at, EngineTestbed.ref(), TransactionType.SALE,
                bed.coalition.cards().read(card), cents, "EUR", when, null));
    }

    private static Campaign doubling(String code, LocalDateTime from, LocalDateTime until) {
        return new Campaign(code, 200L, null, from, until, null, null, null);
    }

    private static void refusedWith(String code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EarnRuleRefused.class, r -> assertThat(r.code()).isEqualTo(code));
    }

    private static void refusedWith(RewardRefusal refusal, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RewardRefused.class, r -> assertThat(r.refusal()).isEqualTo(refusal));
    }

    @Test
    void aGiftAMerchantAddsIsRedeemedAtItsOwnTillsAndDeclinedAtAnotherMerchants() {
        Reward added = gifts.add(books.id(), "BOOKMARK", "Bookmark", 200, 3L, TODAY, TODAY.plusDays(30));
        String card = cardWith(1_000);

        assertThat(added.owner()).isEqualTo(books.id());
        assertThat(catalogue.find("BOOKMARK").offeredAt()).as("shared with nobody").isEmpty();
        assertThat(redeem(pharmacy, card, "BOOKMARK", NOW).result()).isEqualTo(ResultCode.REWARD_NOT_OFFERED_HERE);
        TransactionOutcome atBooks = redeem(books, card, "BOOKMARK", NOW);
        assertThat(atBooks.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(atBooks.points()).isEqualTo(-200);
        assertThat(gifts.own(books.id())).singleElement().satisfies(r -> assertThat(r.stockLeft()).isEqualTo(2));
    }

    @Test
    void aMerchantSeesItsOwnGiftsAndTheOperatorsAtItsTillsButNoOtherMerchantsGift() {
        gifts.add(books.id(), "BOOKMARK", "Bookmark", 200, null, TODAY, TODAY.plusDays(30));
        gifts.add(pharmacy.id(), "PILLBOX", "Pill box", 300, 5L, TODAY, TODAY.plusDays(30));
        catalogue.add(new NewReward("TOTE", "Tote bag", null, 500, null, TODAY, TODAY.plusDays(30), true, List.of()));
        catalogue.add(new NewReward("PHARMA-ONLY", "Operator's gift at the pharmacy", null, 500, null, TODAY,
                TODAY.plusDays(30), false, List.of(pharmacy.id())));

        assertThat(gifts.own(books.id())).extracting(Reward::code).containsExactly("BOOKMARK");
        assertThat(gifts.own(pharmacy.id())).extracting(Reward::code).containsExactly("PILLBOX");
        assertThat(gifts.fromOperator(books.id())).extracting(Reward::code).containsExactly("TOTE");
        assertThat(gifts.fromOperator(pharmacy.id())).extracting(Reward::code).containsExactly("PHARMA-ONLY", "TOTE");
    }

    @Test
    void anEndedGiftIsDeclinedAsExpiredFromTodayOnAndCannotBeEndedTwice() {
        gifts.add(books.id(), "BOOKMARK", "Bookmark", 200, null, TODAY.minusDays(10), TODAY.plusDays(30));
        String card = cardWith(1_000);

        Reward ended = gifts.end(books.id(), "BOOKMARK");

        assertThat(ended.validUntil()).isEqualTo(TODAY.minusDays(1));
        assertThat(redeem(books, card, "BOOKMARK", NOW).result()).isEqualTo(ResultCode.REWARD_EXPIRED);
        assertThat(bed.balanceOf(card)).isEqualTo(1_000);
        refusedWith(RewardRefusal.REWARD_EXPIRED, () -> gifts.end(books.id(), "BOOKMARK"));
    }

    @Test
    void aMerchantCannotEndAnotherMerchantsGiftNorTheOperatorsAndBothStayRedeemable() {
        gifts.add(pharmacy.id(), "PILLBOX", "Pill box", 300, null, TODAY, TODAY.plusDays(30));
        catalogue.add(new NewReward("TOTE", "Tote bag", null, 500, null, TODAY, TODAY.plusDays(30), true, List.of()));
        String card = cardWith(1_000);

        refusedWith(RewardRefusal.REWARD_UNKNOWN, () -> gifts.end(books.id(), "PILLBOX"));
        refusedWith(RewardRefusal.REWARD_UNKNOWN, () -> gifts.end(books.id(), "TOTE"));
        refusedWith(RewardRefusal.REWARD_UNKNOWN, () -> gifts.end(books.id(), "NOSUCH"));

        assertThat(catalogue.find("PILLBOX").validUntil()).isEqualTo(TODAY.plusDays(30));
        assertThat(catalogue.find("TOTE").validUntil()).isEqualTo(TODAY.plusDays(30));
        assertThat(redeem(pharmacy, card, "PILLBOX", NOW).result()).isEqualTo(ResultCode.APPROVED);
        assertThat(redeem(books, card, "TOTE", NOW).result()).isEqualTo(ResultCode.APPROVED);
    }

    @Test
    void aMerchantsGiftIsRefusedAsTheOperatorsAreAndWhenItsLastDayHasPassed() {
        catalogue.add(new NewReward("TOTE", "Tote bag", null, 500, null, TODAY, TODAY.plusDays(30), true, List.of()));

        refusedWith(RewardRefusal.REWARD_CODE_TAKEN, () -> gifts.add(books.id(), "TOTE", "Mine", 100, null, TODAY, TODAY));
        refusedWith(RewardRefusal.INVALID_REWARD, () -> gifts.add(books.id(), "FREE", "Free", 0, null, TODAY, TODAY));
        refusedWith(RewardRefusal.INVALID_REWARD, () -> gifts.add(books.id(), "OLD", "Old", 10, null,
                TODAY.minusDays(9), TODAY.minusDays(1)));
        refusedWith(RewardRefusal.INVALID_REWARD, () -> gifts.add(books.id(), "BACKWARDS", "Backwards", 10, null,
                TODAY.plusDays(2), TODAY.plusDays(1)));
        assertThat(gifts.own(books.id())).isEmpty();
    }

    @Test
    void aCampaignAMerchantAddsDoublesItsSalesAndEndingItStopsItFromNowOnWithoutTouchingWhatWasCredited() {
        LocalDateTime now = NOW.toLocalDateTime();
        campaigns.add(books.id(), doubling("DOUBLE", now.minusDays(5), now.plusDays(5)), null);
        String card = EngineTestbed.newCard();
        assertThat(sale(books, card, 1_000, NOW.minusHours(1)).points()).isEqualTo(20);

        assertThat(campaigns.end(books.id(), "DOUBLE")).isEqualTo(CampaignEnding.Outcome.ENDED);

        assertThat(sale(books, card, 1_000, NOW.plusMinutes(1)).points()).isEqualTo(10);
        assertThat(sale(books, card, 1_000, NOW.minusHours(2)).points()).as("a late sale from its period").isEqualTo(20);
        assertThat(bed.balanceOf(card)).isEqualTo(50);
        assertThat(campaigns.list(books.id())).singleElement()
                .satisfies(l -> assertThat(l.campaign().endsAt()).isEqualTo(now));
        refusedWith("campaign-already-ended", () -> campaigns.end(books.id(), "DOUBLE"));
    }

    @Test
    void aCampaignThatHasNotStartedIsWithdrawnWhenEnded() {
        LocalDateTime now = NOW.toLocalDateTime();
        campaigns.add(books.id(), doubling("LATER", now.plusDays(1), now.plusDays(5)), null);

        assertThat(campaigns.end(books.id(), "LATER")).isEqualTo(CampaignEnding.Outcome.WITHDRAWN);

        assertThat(campaigns.list(books.id())).isEmpty();
    }

    @Test
    void aMerchantCannotSeeOrEndAnotherMerchantsCampaignWhichKeepsEarning() {
        LocalDateTime now = NOW.toLocalDateTime();
        campaigns.add(pharmacy.id(), doubling("PHARMA2X", now.minusDays(1), now.plusDays(5)), null);
        String card = EngineTestbed.newCard();

        refusedWith("unknown-campaign", () -> campaigns.end(books.id(), "PHARMA2X"));

        assertThat(campaigns.list(books.id())).isEmpty();
        assertThat(campaigns.list(pharmacy.id())).extracting(l -> l.campaign().code()).containsExactly("PHARMA2X");
        assertThat(sale(pharmacy, card, 1_000, NOW.plusMinutes(1)).points()).isEqualTo(20);
        bed.coalition.admin().addStore(pharmacy.id(), "PONLY", "the pharmacy's store the bookshop does not have");
        refusedWith("unknown-store", () -> campaigns.add(books.id(), doubling("AT-THEIRS", now, now.plusDays(1)), "PONLY"));
    }

    @Test
    void aMerchantsCampaignIsRefusedUnderTheStackingRuleAndForAbsurdValuesAndPastPeriods() {
        LocalDateTime now = NOW.toLocalDateTime();
        campaigns.add(books.id(), doubling("DOUBLE", now, now.plusDays(10)), null);

        refusedWith("campaign-overlap", () -> campaigns.add(books.id(),
                new Campaign("TRIPLE", 300L, null, now.plusDays(5), now.plusDays(20), null, null, null), null));
        refusedWith("campaign-code-taken", () -> campaigns.add(books.id(),
                doubling("DOUBLE", now.plusDays(20), now.plusDays(30)), null));
        refusedWith("invalid-multiplier", () -> campaigns.add(books.id(),
                new Campaign("ZERO", 0L, null, now, now.plusDays(1), null, null, null), null));
        refusedWith("invalid-multiplier", () -> campaigns.add(books.id(),
                new Campaign("HUGE", 5_000L, null, now, now.plusDays(1), null, null, null), null));
        refusedWith("invalid-period", () -> campaigns.add(books.id(), doubling("PAST", now.minusDays(9), now.minusDays(1)),
                null));
        campaigns.add(books.id(), new Campaign("BONUS", null, 50L, now.plusDays(5), now.plusDays(20), null, null, null), null);
        assertThat(campaigns.list(books.id())).extracting(l -> l.campaign().code()).containsExactly("DOUBLE", "BONUS");
    }
}
