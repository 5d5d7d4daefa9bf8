package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.earn.Campaign;
import io.loyaltyhub.domain.earn.Campaigns;
import io.loyaltyhub.domain.earn.EarnRuleDryRun;
import io.loyaltyhub.domain.earn.EarnRuleRefused;
import io.loyaltyhub.domain.earn.Tier;
import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.LineItem;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaigns, the stacking rule, tiers and the dry run (issue 15, docs/rewards.md) on the embedded database and a
 * MySQL-compatible server. The base rate of the fixture's merchants is 1 point per 1.00.
 */
abstract class EarnRulesSuite {
    private static final LocalDateTime WHEN = CoalitionFixture.OCCURRED_AT.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();

    private EngineTestbed bed;
    private TestMerchant books;
    private TestMerchant pharmacy;
    private Campaigns campaigns;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        bed = new EngineTestbed(newDatabase());
        books = bed.merchant();
        pharmacy = bed.merchant();
        campaigns = new Campaigns(bed.database, IdGenerator.forNode(15), CoalitionFixture.CLOCK);
    }

    @AfterEach
    void close() {
        if (bed != null) {
            assertThat(bed.ledgerMatchesBalances()).isTrue();
            bed.close();
        }
    }

    private static Campaign multiplier(String code, long percent, String category) {
        return new Campaign(code, percent, null, WHEN.minusDays(1), WHEN.plusDays(1), null, category, null);
    }

    private TransactionOutcome sale(TestMerchant m, String ref, String card, long cents, OffsetDateTime at, LineItem... lines) {
        return bed.engine.apply(new PosTransaction(m.id(), m.store(), m.terminal(), new TxnRef(ref), TransactionType.SALE,
                bed.coalition.cards().read(card), Money.of(cents, "EUR"), at, List.of(lines), null, 0, Channel.HTTP_JSON));
    }

    private Long credited(String ref, String rule) {
        return bed.queryLong("SELECT r.points FROM earn_credit_rule r JOIN purchase p ON p.id = r.purchase_id "
                + "AND p.merchant_id = r.merchant_id WHERE p.txn_ref = ? AND r.rule = ?", ref, rule);
    }

    @Test
    void aMultiplierDoublesTheMerchantsSalesInItsPeriodOnlyAndTheCreditNamesIt() {
        campaigns.add(books.id(), multiplier("DOUBLE", 200, null));
        String card = EngineTestbed.newCard();

        assertThat(sale(books, "in", card, 1_000, CoalitionFixture.OCCURRED_AT).points()).isEqualTo(20);
        assertThat(sale(books, "before", card, 1_000, CoalitionFixture.OCCURRED_AT.minusDays(2)).points()).isEqualTo(10);
        assertThat(sale(pharmacy, "elsewhere", card, 1_000, CoalitionFixture.OCCURRED_AT).points()).isEqualTo(10);
        assertThat(credited("in", "rate:base")).isEqualTo(10);
        assertThat(credited("in", "campaign:DOUBLE")).isEqualTo(10);
        assertThat(credited("before", "campaign:DOUBLE")).isNull();
    }

    @Test
    void eachPartOfASaleEarnsAtTheHighestMultiplierThatCoversItAndBonusesAddUp() {
        campaigns.add(books.id(), multiplier("ALL2X", 200, null));
        campaigns.add(books.id(), multiplier("NOVELS3X", 300, "novels"));
        campaigns.add(books.id(), multiplier("TOYS150", 150, "toys"));
        campaigns.add(books.id(), new Campaign("WELCOME", null, 50L, WHEN.minusDays(1), WHEN.plusDays(1), null, null, null));
        String card = EngineTestbed.newCard();

        TransactionOutcome basket = sale(books, "basket", card, 10_000, CoalitionFixture.OCCURRED_AT,
                new LineItem("n-1", "novels", 1, 4_000), new LineItem("t-1", "toys", 1, 6_000));

        // base 100; the whole sale x2: +100; novels at x3 rather than x2: +40 x (300 - 200) / 100 = +40; toys' x1.5 is
        // below the whole sale's x2: nothing more; the bonus: +50
        assertThat(basket.points()).isEqualTo(290);
        assertThat(credited("basket", "campaign:ALL2X")).isEqualTo(100);
        assertThat(credited("basket", "campaign:NOVELS3X")).isEqualTo(40);
        assertThat(credited("basket", "campaign:TOYS150")).isNull();
        assertThat(credited("basket", "campaign:WELCOME")).isEqualTo(50);
        assertThat(basket.rules()).containsExactly("rate:base", "campaign:ALL2X", "campaign:NOVELS3X", "campaign:WELCOME");
        assertThat(sale(books, "basket", card, 10_000, CoalitionFixture.OCCURRED_AT).rules())
                .as("a copy names the same rules").isEqualTo(basket.rules());
    }

    @Test
    void aCopyInTheSameBatchNamesTheRulesOfTheFirst() {
        campaigns.add(books.id(), multiplier("DOUBLE", 200, null));
        PosTransaction t = new PosTransaction(books.id(), books.store(), books.terminal(), new TxnRef("twice"),
                TransactionType.SALE, bed.coalition.cards().read(EngineTestbed.newCard()), Money.of(1_000, "EUR"),
                CoalitionFixture.OCCURRED_AT, List.of(), null, 0, Channel.HTTP_JSON);

        List<TransactionOutcome> answers = bed.engine.applyBatch(List.of(t, t));

        assertThat(answers.get(1).duplicate()).isTrue();
        assertThat(answers.get(1).rules()).containsExactly("rate:base", "campaign:DOUBLE").isEqualTo(answers.get(0).rules());
    }

    @Test
    void aSecondMultiplierOverTheSameSalesAndAbsurdMultipliersAreRefused() {
        campaigns.add(books.id(), multiplier("ALL2X", 200, null));

        assertThatThrownBy(() -> campaigns.add(books.id(), new Campaign("ALL3X", 300L, null, WHEN, WHEN.plusDays(5), null, null, null)))
                .isInstanceOfSatisfying(EarnRuleRefused.class, r -> assertThat(r.code()).isEqualTo("campaign-overlap"));
        assertThatThrownBy(() -> multiplier("ZERO", 0, null))
                .isInstanceOfSatisfying(EarnRuleRefused.class, r -> assertThat(r.code()).isEqualTo("invalid-multiplier"));
        assertThatThrownBy(() -> multiplier("HUGE", 100_000, null))
                .isInstanceOfSatisfying(EarnRuleRefused.class, r -> assertThat(r.code()).isEqualTo("invalid-multiplier"));
        assertThatThrownBy(() -> campaigns.add(books.id(), multiplier("ALL2X", 300, "novels")))
                .isInstanceOfSatisfying(EarnRuleRefused.class, r -> assertThat(r.code()).isEqualTo("campaign-code-taken"));
        campaigns.add(books.id(), multiplier("NOVELS", 300, "novels"));
        campaigns.add(books.id(), new Campaign("BONUS", null, 5L, WHEN, WHEN.plusDays(5), null, null, null));
        campaigns.add(pharmacy.id(), multiplier("ALL2X", 200, null));
        assertThat(campaigns.list(books.id())).hasSize(3);
    }

    @Test
    void theTierJobPutsBigSpendersInTheirTierWhoThenEarnItsMultiplierAndRunningItAgainChangesNothing() {
        Tiers tiers = new Tiers(bed.database, CoalitionFixture.CLOCK);
        tiers.define(new Tier("SILVER", "Silver", "EUR", 20_000, 125));
        tiers.define(new Tier("GOLD", "Gold", "EUR", 50_000, 150));
        String big = EngineTestbed.newCard();
        String small = EngineTestbed.newCard();
        sale(books, "b-1", big, 30_000, CoalitionFixture.OCCURRED_AT);
        sale(pharmacy, "b-2", big, 30_000, CoalitionFixture.OCCURRED_AT);
        sale(books, "s-1", small, 1_000, CoalitionFixture.OCCURRED_AT);

        Map<String, Long> first = tiers.recompute();
        Map<String, Long> again = tiers.recompute();

        assertThat(first).isEqualTo(Map.of("SILVER", 0L, "GOLD", 1L)).isEqualTo(again);
        assertThat(sale(books, "b-3", big, 1_000, CoalitionFixture.OCCURRED_AT).points()).as("10 x 150%").isEqualTo(15);
        assertThat(credited("b-3", "tier:GOLD")).isEqualTo(5);
        assertThat(sale(books, "s-2", small, 1_000, CoalitionFixture.OCCURRED_AT).points()).isEqualTo(10);
        assertThat(bed.balanceOf(big)).as("points credited before the tier are unchanged").isEqualTo(615);
    }

    @Test
    void aDryRunPrintsWhatACampaignWouldHaveCreditedOverPastSalesAndChangesNothing() {
        String card = EngineTestbed.newCard();
        sale(books, "d-1", card, 10_000, CoalitionFixture.OCCURRED_AT, new LineItem("n-1", "novels", 1, 4_000),
                new LineItem("t-1", "toys", 1, 6_000));
        sale(books, "d-2", card, 2_000, CoalitionFixture.OCCURRED_AT, new LineItem("t-2", "toys", 1, 2_000));
        sale(pharmacy, "d-3", card, 5_000, CoalitionFixture.OCCURRED_AT, new LineItem("n-2", "novels", 1, 5_000));
        long before = bed.balanceOf(card);

        EarnRuleDryRun.Result novels = new EarnRuleDryRun(bed.database).wouldHaveCredited(books.id(),
                multiplier("TRY", 300, "novels"), WHEN.minusDays(30), WHEN.plusMinutes(1));
        EarnRuleDryRun.Result everything = new EarnRuleDryRun(bed.database).wouldHaveCredited(books.id(),
                multiplier("TRY", 200, null), WHEN.minusDays(30), WHEN.plusMinutes(1));

        assertThat(novels).isEqualTo(new EarnRuleDryRun.Result(2, 1, 80));
        assertThat(everything).isEqualTo(new EarnRuleDryRun.Result(2, 2, 120));
        assertThat(bed.balanceOf(card)).isEqualTo(before);
        assertThat(campaigns.list(books.id())).isEmpty();
    }
}
