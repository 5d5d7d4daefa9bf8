package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.earn.EarnRateSchedule;
import io.loyaltyhub.domain.earn.EarnRateVersion;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Earn rates that change over time (issue 15, docs/rewards.md), on the embedded database and a MySQL-compatible server: a
 * sale earns at the rate in force when it happened — a late offline sale at the old rate — each credit records the rate
 * version that produced it, and scheduling a new rate never changes points already credited.
 */
abstract class EarnRateVersionsSuite {
    private static final OffsetDateTime NOW = OffsetDateTime.ofInstant(CoalitionFixture.CLOCK.instant(), ZoneOffset.UTC);

    private EngineTestbed bed;
    private TestMerchant books;
    private EarnRateSchedule schedule;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        bed = new EngineTestbed(newDatabase());
        books = bed.merchant();
        schedule = new EarnRateSchedule(bed.database, IdGenerator.forNode(14), CoalitionFixture.CLOCK);
    }

    @AfterEach
    void close() {
        if (bed != null) {
            assertThat(bed.ledgerMatchesBalances()).isTrue();
            bed.close();
        }
    }

    private TransactionOutcome sale(String ref, String card, long cents, OffsetDateTime at) {
        return bed.engine.apply(bed.coalition.txn(books, ref, TransactionType.SALE, bed.coalition.cards().read(card), cents,
                "EUR", at, null));
    }

    private Long creditedBy(String ref, String rule) {
        return bed.queryLong("SELECT r.points FROM earn_credit_rule r JOIN purchase p ON p.id = r.purchase_id "
                + "AND p.merchant_id = r.merchant_id WHERE p.txn_ref = ? AND r.rule = ?", ref, rule);
    }

    @Test
    void aLateOfflineSaleEarnsAtTheRateInForceWhenItHappenedAndEachCreditNamesItsRate() {
        String card = EngineTestbed.newCard();
        EarnRateVersion triple = schedule.schedule(books.id(), "EUR", new EarnRate(3, 100), NOW.toInstant());

        TransactionOutcome today = sale("today", card, 1_000, NOW);
        TransactionOutcome late = sale("yesterday-offline", card, 1_000, CoalitionFixture.OCCURRED_AT);

        assertThat(today.points()).as("3 points per 1.00 from now on").isEqualTo(30);
        assertThat(late.points()).as("happened before the change: the base rate, 1 point per 1.00").isEqualTo(10);
        assertThat(creditedBy("today", triple.rule())).isEqualTo(30);
        assertThat(creditedBy("yesterday-offline", EarnRateVersion.BASE)).isEqualTo(10);
        assertThat(triple.rule()).startsWith("rate:v");
    }

    @Test
    void schedulingARateNeverChangesPointsAlreadyCreditedAndCannotReachIntoThePast() {
        String card = EngineTestbed.newCard();
        sale("before", card, 5_000, NOW);

        assertThatThrownBy(() -> schedule.schedule(books.id(), "EUR", new EarnRate(5, 100), NOW.minusMinutes(1).toInstant()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already past");
        schedule.schedule(books.id(), "EUR", new EarnRate(5, 100), NOW.plusMinutes(30).toInstant());
        assertThatThrownBy(() -> schedule.schedule(books.id(), "EUR", new EarnRate(7, 100), NOW.plusMinutes(30).toInstant()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(bed.balanceOf(card)).isEqualTo(50);
        assertThat(sale("after", card, 1_000, NOW.plusMinutes(40)).points())
                .as("from its moment on, the new rate").isEqualTo(50);
        assertThat(creditedBy("before", EarnRateVersion.BASE)).isEqualTo(50);
        assertThat(schedule.versions(books.id())).hasSize(1);
    }
}
