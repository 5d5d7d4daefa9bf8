package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Points that expire in lots (issue 14), on the embedded database and a MySQL-compatible server: oldest first, by
 * redemptions and by expiry; the job expires nothing twice, and each expired lot is booked at the merchant it was
 * earned at. Each test has its own database (the rule holds for the whole programme).
 */
abstract class ExpirySuite {
    private static final Duration MONTH = Duration.ofDays(31);

    private EngineTestbed bed;
    private TestMerchant books;
    private TestMerchant pharmacy;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        bed = new EngineTestbed(newDatabase());
        books = bed.merchant();
        pharmacy = bed.merchant();
    }

    @AfterEach
    void close() {
        if (bed != null) {
            assertThat(bed.ledgerMatchesBalances()).isTrue();
            bed.close();
        }
    }

    /** The fixture's engine clock moved on by {@code later}. */
    private static Clock at(Duration later) {
        return Clock.offset(CoalitionFixture.CLOCK, later);
    }

    private PointsExpiry expiry(Clock clock) {
        return new PointsExpiry(bed.database, IdGenerator.forNode(11), clock);
    }

    private PointsEngine engine(Clock clock) {
        return new PointsEngine(bed.database, IdGenerator.forNode(3), clock, 8,
                new io.loyaltyhub.domain.txn.OccurredAtWindow(Duration.ofDays(36_500), Duration.ofDays(36_500)));
    }

    private void sale(Clock clock, TestMerchant m, String card, long cents) {
        engine(clock).apply(bed.coalition.sale(m, EngineTestbed.ref(), card, cents));
    }

    private void redeem(Clock clock, TestMerchant m, String card, long points) {
        engine(clock).apply(bed.coalition.txn(m, EngineTestbed.ref(), TransactionType.REDEEM, card, points, null));
    }

    @Test
    void pointsExpireOldestFirstAndARedemptionSpendsTheOldestLotFirst() {
        expiry(CoalitionFixture.CLOCK).setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(24)));
        String card = EngineTestbed.newCard();
        sale(at(Duration.ZERO), books, card, 10_000);             // 100, month 0 at books
        sale(at(MONTH.multipliedBy(6)), pharmacy, card, 5_000);    // 50, month 6 at the pharmacy
        redeem(at(MONTH.multipliedBy(7)), books, card, 60);       // takes 60 of the first lot: 40 of it left

        PointsExpiry.Result atMonth25 = expiry(at(MONTH.multipliedBy(25))).run(line -> { });

        assertThat(atMonth25.pointsExpired()).as("what is left of the first lot").isEqualTo(40);
        assertThat(bed.balanceOf(card)).isEqualTo(50);
        assertThat(bed.queryLong("SELECT -SUM(points) FROM ledger_entry WHERE entry_type = 'EXPIRE' AND merchant_id = ?",
                books.id().value())).isEqualTo(40);
        PointsExpiry.Result atMonth31 = expiry(at(MONTH.multipliedBy(31))).run(line -> { });
        assertThat(atMonth31.pointsExpired()).isEqualTo(50);
        assertThat(bed.queryLong("SELECT -SUM(points) FROM ledger_entry WHERE entry_type = 'EXPIRE' AND merchant_id = ?",
                pharmacy.id().value())).isEqualTo(50);
        assertThat(bed.balanceOf(card)).isZero();
    }

    @Test
    void theMerchantsPointsReportShowsThePointsOfItsLotsThatExpired() throws Exception {
        expiry(CoalitionFixture.CLOCK).setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(24)));
        String card = EngineTestbed.newCard();
        sale(at(Duration.ZERO), books, card, 10_000);
        sale(at(Duration.ZERO), pharmacy, card, 5_000);
        redeem(at(MONTH), pharmacy, card, 120);
        Clock later = at(Duration.ofDays(735)); // 24 months and a few days after the sales
        expiry(later).run(line -> { });
        String expiredOn = java.time.LocalDate.ofInstant(later.instant(), java.time.ZoneOffset.UTC).toString();

        assertThat(pointsReport(pharmacy, later)).as("the 120 redeemed took books' older lot whole, then 20 of the pharmacy's")
                .contains(expiredOn + ",0,0,0,0,30,-30");
        assertThat(pointsReport(books, later)).noneMatch(line -> line.startsWith(expiredOn));
        assertThat(bed.queryLong("SELECT COUNT(*) FROM ledger_entry WHERE entry_type = 'EXPIRE'")).isEqualTo(1);
    }

    private List<String> pointsReport(TestMerchant merchant, Clock clock) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new io.loyaltyhub.domain.report.MerchantReports(bed.database,
                new io.loyaltyhub.domain.report.CustomerPseudonyms(CoalitionFixture.filled(3)),
                new io.loyaltyhub.domain.report.ConsentedContacts(), io.loyaltyhub.domain.report.ReportSink.passThrough(),
                new io.loyaltyhub.domain.report.ReportDownloads(bed.database, IdGenerator.forNode(13), clock), clock)
                .prepare(new io.loyaltyhub.domain.merchant.MerchantPrincipal(merchant.id(), "mrc-test"), "points",
                        java.util.Map.of("from", "2026-11-01", "to", "2029-01-01")).writeTo(out);
        return List.of(out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void theJobRunTwiceOrAfterAStopExpiresNothingTwice() {
        expiry(CoalitionFixture.CLOCK).setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(12)));
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String card = EngineTestbed.newCard();
            cards.add(card);
            sale(at(Duration.ZERO), i % 2 == 0 ? books : pharmacy, card, 1_000 * (i + 1));
        }
        Clock later = at(MONTH.multipliedBy(13));
        List<String> progress = new ArrayList<>();

        PointsExpiry.Result first = expiry(later).run(progress::add);
        PointsExpiry.Result second = expiry(later).run(line -> { });

        assertThat(first.pointsExpired()).isEqualTo(10 + 20 + 30 + 40 + 50);
        assertThat(first.accountsExpired()).isEqualTo(5);
        assertThat(second.pointsExpired()).isZero();
        assertThat(second.accountsLooked()).as("it looked again, and found nothing left").isEqualTo(5);
        assertThat(cards).allSatisfy(card -> assertThat(bed.balanceOf(card)).isZero());
        assertThat(progress).anyMatch(line -> line.contains("150 point(s) expired on 5 account(s)"));
    }

    @Test
    void atTheEndOfTheYearAfterTheYearTheyWereEarned() {
        expiry(CoalitionFixture.CLOCK).setPolicy(Optional.of(ExpiryPolicy.endOfYearAfterEarning()));
        String card = EngineTestbed.newCard();
        sale(at(Duration.ZERO), books, card, 1_000); // earned 2026-11-21

        assertThat(expiry(Clock.fixed(java.time.Instant.parse("2027-12-31T23:59:00Z"), java.time.ZoneOffset.UTC))
                .run(line -> { }).pointsExpired()).isZero();
        assertThat(expiry(Clock.fixed(java.time.Instant.parse("2028-01-01T00:00:01Z"), java.time.ZoneOffset.UTC))
                .run(line -> { }).pointsExpired()).isEqualTo(10);
    }

    @Test
    void pointsLinkedIntoAHouseholdExpireFromTheMomentTheyMovedAndABalanceBelowZeroLosesNothing() {
        expiry(CoalitionFixture.CLOCK).setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(12)));
        Households households = new Households(bed.database, IdGenerator.forNode(12), at(MONTH.multipliedBy(6)));
        String first = EngineTestbed.newCard();
        String second = EngineTestbed.newCard();
        sale(at(Duration.ZERO), books, first, 1_000);   // 10 at month 0
        sale(at(Duration.ZERO), books, second, 2_000);  // 20 at month 0, moved in at month 6
        households.link(bed.coalition.cards().read(second), households.householdOf(bed.coalition.cards().read(first)), "test");

        assertThat(expiry(at(MONTH.multipliedBy(13))).run(line -> { }).pointsExpired()).isEqualTo(10);
        assertThat(expiry(at(MONTH.multipliedBy(19))).run(line -> { }).pointsExpired()).isEqualTo(20);
        assertThat(bed.balanceOf(first)).isZero();
    }

    @Test
    void aBalanceInquiryShowsHowManyPointsExpireNextAndWhen() {
        String card = EngineTestbed.newCard();
        sale(at(Duration.ZERO), books, card, 10_000);
        sale(at(MONTH), pharmacy, card, 5_000);
        io.loyaltyhub.domain.txn.PosTransaction inquiry = bed.coalition.txn(books, EngineTestbed.ref(),
                TransactionType.BALANCE_INQUIRY, card, 0, null);
        assertThat(engine(at(MONTH)).apply(inquiry).nextExpiry()).as("no rule, nothing expires").isNull();
        expiry(CoalitionFixture.CLOCK).setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(24)));
        redeem(at(MONTH), books, card, 30);

        io.loyaltyhub.domain.txn.TransactionOutcome answer = engine(at(MONTH)).apply(bed.coalition.txn(books,
                EngineTestbed.ref(), TransactionType.BALANCE_INQUIRY, card, 0, null));
        io.loyaltyhub.domain.txn.TransactionOutcome sale = engine(at(MONTH)).apply(bed.coalition.sale(books,
                EngineTestbed.ref(), card, 100));

        assertThat(answer.balance()).isEqualTo(120);
        assertThat(answer.nextExpiry()).isEqualTo(new io.loyaltyhub.domain.txn.ExpiringPoints(70,
                LocalDate.parse("2028-11-21")));
        assertThat(sale.nextExpiry()).as("only balance inquiries carry it").isNull();
    }

    @Test
    void withoutARulePointsNeverExpire() {
        String card = EngineTestbed.newCard();
        sale(at(Duration.ZERO), books, card, 1_000);

        assertThat(expiry(at(MONTH.multipliedBy(600))).run(line -> { }).pointsExpired()).isZero();
        assertThat(bed.balanceOf(card)).isEqualTo(10);
    }

    @Test
    void theNextExpiryIsTheOldestLotLeftAndItsDay() {
        ExpiryPolicy policy = ExpiryPolicy.monthsAfterEarning(24);
        io.loyaltyhub.domain.expiry.PointsLots lots = new io.loyaltyhub.domain.expiry.PointsLots();
        lots.credit(new io.loyaltyhub.domain.expiry.PointsLots.Lot(1, 1L, 1L, 100, java.time.LocalDateTime.parse("2026-01-10T10:00")));
        lots.credit(new io.loyaltyhub.domain.expiry.PointsLots.Lot(2, 1L, 2L, 30, java.time.LocalDateTime.parse("2026-01-10T18:00")));
        lots.credit(new io.loyaltyhub.domain.expiry.PointsLots.Lot(3, 1L, 3L, 50, java.time.LocalDateTime.parse("2026-03-01T10:00")));
        lots.debit(90);

        assertThat(lots.next(policy)).isEqualTo(new io.loyaltyhub.domain.expiry.PointsLots.NextExpiry(40,
                LocalDate.parse("2028-01-10")));
        lots.debit(40);
        assertThat(lots.next(policy).on()).isEqualTo(LocalDate.parse("2028-03-01"));
    }
}
