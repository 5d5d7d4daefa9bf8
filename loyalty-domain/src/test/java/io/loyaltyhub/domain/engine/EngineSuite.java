package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.entity.Store;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The persistence + engine behaviour, run unchanged against the embedded database and a MySQL-compatible server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineSuite {
    private static final AtomicLong CARDS = new AtomicLong(1000);
    private static final AtomicLong REFS = new AtomicLong();

    private DatabaseConfig config;
    private Database database;
    private PointsEngine engine;
    private CoalitionFixture coalition;
    private TestMerchant merchantA;
    private TestMerchant merchantB;

    abstract DatabaseConfig newDatabase();

    @BeforeAll
    void openDatabase() {
        config = newDatabase();
        database = Database.open(config);
        engine = new PointsEngine(database, IdGenerator.forNode(2), CoalitionFixture.CLOCK, 8);
        coalition = new CoalitionFixture(database);
        merchantA = coalition.merchant("A" + REFS.incrementAndGet());
        merchantB = coalition.merchant("B" + REFS.incrementAndGet());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
        TestDatabases.dropMySql(config);
    }

    private static String newCard() {
        return CoalitionFixture.cardNumber(CARDS.incrementAndGet());
    }

    private static String ref() {
        return "R" + REFS.incrementAndGet();
    }

    @Test
    void aSaleEarnsFlooredPointsAndActivatesAFirstTimeCard() {
        TransactionOutcome outcome = engine.apply(coalition.sale(merchantA, ref(), newCard(), 12_399));

        assertThat(outcome.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(outcome.points()).isEqualTo(123);
        assertThat(outcome.balance()).isEqualTo(123);
        assertThat(outcome.duplicate()).isFalse();
    }

    @Test
    void theSameTransactionAgainChangesNothingAndGetsTheFirstAnswer() {
        String card = newCard();
        PosTransaction sale = coalition.sale(merchantA, ref(), card, 5_000);
        TransactionOutcome first = engine.apply(sale);
        TransactionOutcome second = engine.apply(sale);

        assertThat(second.duplicate()).isTrue();
        assertThat(second.points()).isEqualTo(first.points());
        assertThat(second.balance()).isEqualTo(first.balance());
        assertThat(balanceOf(card)).isEqualTo(50);
    }

    @Test
    void copiesInsideOneBatchAreAppliedOnce() {
        String card = newCard();
        PosTransaction sale = coalition.sale(merchantA, ref(), card, 1_000);
        List<TransactionOutcome> outcomes = engine.applyBatch(List.of(sale, sale, sale));

        assertThat(outcomes).extracting(TransactionOutcome::points).containsExactly(10L, 10L, 10L);
        assertThat(outcomes).extracting(TransactionOutcome::duplicate).containsExactly(false, true, true);
        assertThat(balanceOf(card)).isEqualTo(10);
    }

    @Test
    void concurrentCopiesAreCreditedOnceAndAllGetTheSameAnswer() throws Exception {
        String card = newCard();
        engine.apply(coalition.sale(merchantA, ref(), card, 100));
        PosTransaction sale = coalition.sale(merchantA, ref(), card, 7_700);
        int copies = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<Future<TransactionOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                Callable<TransactionOutcome> task = () -> {
                    start.await();
                    return engine.apply(sale);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<TransactionOutcome> outcomes = new ArrayList<>();
            for (Future<TransactionOutcome> f : futures) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).extracting(TransactionOutcome::points).containsOnly(77L);
            assertThat(outcomes).extracting(TransactionOutcome::balance).containsOnly(78L);
            assertThat(outcomes).filteredOn(o -> !o.duplicate()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(balanceOf(card)).isEqualTo(78);
    }

    @Test
    void aRefundReversesInProportionAndPartialRefundsAddUpExactly() {
        String card = newCard();
        String saleRef = ref();
        engine.apply(coalition.sale(merchantA, saleRef, card, 10_001)); // 100 points

        TransactionOutcome first = engine.apply(coalition.txn(merchantA, ref(), TransactionType.REFUND, card, 3_333, saleRef));
        TransactionOutcome second = engine.apply(coalition.txn(merchantA, ref(), TransactionType.REFUND, card, 3_333, saleRef));
        TransactionOutcome last = engine.apply(coalition.txn(merchantA, ref(), TransactionType.REFUND, card, 3_335, saleRef));
        TransactionOutcome tooMuch = engine.apply(coalition.txn(merchantA, ref(), TransactionType.REFUND, card, 1, saleRef));

        assertThat(first.points()).isEqualTo(-33); // floor(100 * 3333 / 10001)
        assertThat(second.points()).isEqualTo(-33); // floor(100 * 6666 / 10001) - 33
        assertThat(last.points()).isEqualTo(-34); // the whole amount back: exactly the rest
        assertThat(last.balance()).isZero();
        assertThat(tooMuch.result()).isEqualTo(ResultCode.REFUND_EXCEEDS_ORIGINAL);
        assertThat(balanceOf(card)).isZero();
    }

    @Test
    void anUnlinkedRefundIsApprovedAndMovesNoPoints() {
        String card = newCard();
        engine.apply(coalition.sale(merchantA, ref(), card, 2_000)); // 20 points

        TransactionOutcome refund = engine.apply(coalition.txn(merchantA, ref(), TransactionType.REFUND, card, 5_000, null));

        assertThat(refund.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(refund.points()).isZero();
        assertThat(refund.balance()).isEqualTo(20);
        assertThat(balanceOf(card)).isEqualTo(20);
    }

    @Test
    void aVoidUndoesTheOriginalExactlyAndOnlyOnce() {
        String card = newCard();
        String saleRef = ref();
        engine.apply(coalition.sale(merchantA, saleRef, card, 4_250));

        TransactionOutcome voided = engine.apply(coalition.txn(merchantA, ref(), TransactionType.VOID, card, 0, saleRef));
        TransactionOutcome again = engine.apply(coalition.txn(merchantA, ref(), TransactionType.VOID, card, 0, saleRef));

        assertThat(voided.points()).isEqualTo(-42);
        assertThat(voided.balance()).isZero();
        assertThat(again.result()).isEqualTo(ResultCode.ALREADY_REVERSED);
        assertThat(balanceOf(card)).isZero();
    }

    @Test
    void aReversalOfAPartlyRefundedSaleUndoesOnlyWhatIsLeft() {
        String card = newCard();
        String saleRef = ref();
        engine.apply(coalition.sale(merchantA, saleRef, card, 10_000)); // 100
        engine.apply(coalition.txn(merchantA, ref(), TransactionType.REFUND, card, 2_500, saleRef)); // -25

        TransactionOutcome reversal = engine.apply(coalition.txn(merchantA, ref(), TransactionType.REVERSAL, card, 0, saleRef));

        assertThat(reversal.points()).isEqualTo(-75);
        assertThat(balanceOf(card)).isZero();
    }

    @Test
    void aVoidOfAnUnknownOriginalIsDeclined() {
        TransactionOutcome outcome = engine.apply(coalition.txn(merchantA, ref(), TransactionType.VOID, newCard(), 0, "NOPE"));
        assertThat(outcome.result()).isEqualTo(ResultCode.ORIGINAL_NOT_FOUND);
    }

    @Test
    void aCardOutsideEveryIssuedRangeIsDeclinedAsInvalid() {
        String body = "628000999999999";
        String outside = body + io.loyaltyhub.domain.card.Luhn.checkDigit(body);

        TransactionOutcome outcome = engine.apply(coalition.sale(merchantA, ref(), outside, 1_000));

        assertThat(outcome.result()).isEqualTo(ResultCode.INVALID_CARD);
        assertThat(outcome.balance()).isEqualTo(TransactionOutcome.NO_BALANCE);
    }

    @Test
    void aCurrencyTheMerchantHasNoRateForIsDeclined() {
        PosTransaction eur = coalition.sale(merchantA, ref(), newCard(), 1_000);
        PosTransaction usd = new PosTransaction(eur.merchantId(), eur.storeId(), eur.terminalId(), eur.txnRef(), eur.type(),
                eur.card(), io.loyaltyhub.domain.model.Money.of(1_000, "USD"), eur.occurredAt(), List.of(), null, 0,
                eur.channel());

        assertThat(engine.apply(usd).result()).isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
    }

    @Test
    void pointsArePooledAcrossMerchantsAndRedeemableAnywhere() {
        String card = newCard();
        engine.apply(coalition.sale(merchantA, ref(), card, 3_000));
        engine.apply(coalition.sale(merchantB, ref(), card, 2_000));

        TransactionOutcome tooMuch = engine.apply(coalition.txn(merchantB, ref(), TransactionType.REDEEM, card, 51, null));
        TransactionOutcome redeem = engine.apply(coalition.txn(merchantB, ref(), TransactionType.REDEEM, card, 50, null));
        TransactionOutcome inquiry = engine.apply(coalition.txn(merchantA, ref(), TransactionType.BALANCE_INQUIRY, card, 0, null));

        assertThat(tooMuch.result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(redeem.balance()).isZero();
        assertThat(inquiry.balance()).isZero();
    }

    @Test
    void theSameReferenceAtAnotherMerchantIsAnotherTransaction() {
        String card = newCard();
        String sharedRef = ref();
        engine.apply(coalition.sale(merchantA, sharedRef, card, 1_000));
        TransactionOutcome atB = engine.apply(coalition.sale(merchantB, sharedRef, card, 1_000));

        assertThat(atB.duplicate()).isFalse();
        assertThat(balanceOf(card)).isEqualTo(20);
    }

    @Test
    void balancesAlwaysEqualTheSumOfTheLedgerAfterRandomisedSequences() throws Exception {
        Random random = new Random(42);
        List<String> cards = List.of(newCard(), newCard(), newCard(), newCard());
        List<String> saleRefs = new ArrayList<>();
        List<PosTransaction> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String card = cards.get(random.nextInt(cards.size()));
            TestMerchant m = random.nextBoolean() ? merchantA : merchantB;
            int pick = random.nextInt(10);
            PosTransaction t;
            if (pick < 5 || saleRefs.isEmpty()) {
                String r = ref();
                t = coalition.sale(merchantA, r, card, 1 + random.nextInt(50_000));
                saleRefs.add(r);
            } else if (pick < 7) {
                t = coalition.txn(merchantA, ref(), TransactionType.REFUND, card, 1 + random.nextInt(20_000),
                        saleRefs.get(random.nextInt(saleRefs.size())));
            } else if (pick < 8) {
                t = coalition.txn(merchantA, ref(), TransactionType.VOID, card, 0, saleRefs.get(random.nextInt(saleRefs.size())));
            } else if (pick < 9) {
                t = coalition.txn(m, ref(), TransactionType.REDEEM, card, 1 + random.nextInt(200), null);
            } else {
                t = batch.isEmpty() ? coalition.sale(m, ref(), card, 100) : batch.get(random.nextInt(batch.size()));
            }
            batch.add(t);
            if (batch.size() == 17) {
                engine.applyBatch(batch);
                batch.clear();
            }
        }
        engine.applyBatch(batch);

        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.id, a.balance, COALESCE(SUM(l.points), 0) FROM member_account a "
                        + "LEFT JOIN ledger_entry l ON l.account_id = a.id GROUP BY a.id, a.balance");
             ResultSet rs = ps.executeQuery()) {
            int accounts = 0;
            while (rs.next()) {
                accounts++;
                assertThat(rs.getLong(2)).as("balance of account %d", rs.getLong(1)).isEqualTo(rs.getLong(3));
            }
            assertThat(accounts).isGreaterThanOrEqualTo(4);
            c.rollback();
        }
    }

    @Test
    void aMerchantSessionSeesNothingOfAnotherMerchant() {
        Long storeOfA = merchantA.store().value();

        Store loadedByB = database.inMerchantTransaction(merchantB.id(), s -> s.find(Store.class, storeOfA));
        long countSeenByB = database.inMerchantTransaction(merchantB.id(),
                s -> s.createSelectionQuery("select count(*) from Store where code = 'S1'", Long.class).getSingleResult());
        Store loadedByA = database.inMerchantTransaction(merchantA.id(), s -> s.find(Store.class, storeOfA));

        assertThat(loadedByB).isNull();
        assertThat(countSeenByB).isEqualTo(1);
        assertThat(loadedByA).isNotNull();
    }

    @Test
    void aMerchantSessionWithoutAMerchantIsRefused() {
        assertThatThrownBy(() -> database.openMerchantSession(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private long balanceOf(String card) {
        String token = coalition.cards().read(card).token().hash();
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.balance FROM member_account a JOIN card k ON k.account_id = a.id WHERE k.token = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                long balance = rs.getLong(1);
                c.rollback();
                return balance;
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
