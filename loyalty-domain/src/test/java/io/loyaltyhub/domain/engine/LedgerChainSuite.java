package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.ledger.ChainFault;
import io.loyaltyhub.domain.ledger.ChainFault.Kind;
import io.loyaltyhub.domain.ledger.LedgerBackfill;
import io.loyaltyhub.domain.ledger.LedgerVerification;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tamper-evident ledger (issue 16, docs/settlement.md), on the embedded database and a MySQL-compatible server:
 * every entry the engine and the expiry job write is chained per merchant, concurrent writers on two "nodes" keep
 * one unbroken chain, and each kind of tampering done straight in the database is found and named.
 */
abstract class LedgerChainSuite {
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
            bed.close();
        }
    }

    private LedgerVerification.Result verify() {
        return new LedgerVerification(bed.database).verifyAll();
    }

    /** Six entries at books (positions 1-6), two at the pharmacy; returns books' entry ids in chain order. */
    private List<Long> traffic() {
        String card = EngineTestbed.newCard();
        for (int i = 1; i <= 5; i++) {
            bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, 1_000L * i));
        }
        bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.REDEEM, card, 40, null));
        bed.engine.apply(bed.coalition.sale(pharmacy, EngineTestbed.ref(), card, 2_000));
        bed.engine.apply(bed.coalition.sale(pharmacy, EngineTestbed.ref(), card, 3_000));
        return booksChain();
    }

    private List<Long> booksChain() {
        List<Long> ids = new ArrayList<>();
        for (long position = 1; ; position++) {
            Long id = bed.queryLong("SELECT entry_id FROM ledger_chain_link WHERE merchant_id = ? AND chain_seq = ?",
                    books.id().value(), position);
            if (id == null) {
                return ids;
            }
            ids.add(id);
        }
    }

    @Test
    void everyEntryOfTheEngineAndTheExpiryJobIsChainedAndTheUntouchedLedgerVerifies() {
        traffic();
        new PointsExpiry(bed.database, IdGenerator.forNode(11), CoalitionFixture.CLOCK)
                .setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(1)));
        new PointsExpiry(bed.database, IdGenerator.forNode(11), Clock.offset(CoalitionFixture.CLOCK, Duration.ofDays(70)))
                .run(line -> { });

        LedgerVerification.Result result = verify();

        assertThat(bed.queryLong("SELECT COUNT(*) FROM ledger_entry WHERE entry_type = 'EXPIRE'")).isPositive();
        assertThat(result.faults()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(bed.queryLong("SELECT COUNT(*) FROM ledger_entry"));
        assertThat(bed.queryLong("SELECT last_seq FROM ledger_chain_head WHERE merchant_id = ?", books.id().value()))
                .isEqualTo(bed.queryLong("SELECT COUNT(*) FROM ledger_entry WHERE merchant_id = ?", books.id().value()));
    }

    @Test
    void entriesMadeAtMomentsWithMillisecondsVerifyAsStored() {
        // The fixture's clock stands on a whole second; a real one does not. A server that keeps times to the second
        // (MariaDB before 11.4 through Connector/J) must still find the chain it was given intact.
        Clock withMillis = Clock.fixed(CoalitionFixture.CLOCK.instant().plusMillis(987), java.time.ZoneOffset.UTC);
        io.loyaltyhub.domain.engine.PointsEngine engine = new io.loyaltyhub.domain.engine.PointsEngine(bed.database,
                IdGenerator.forNode(24), withMillis, 8);
        String card = EngineTestbed.newCard();
        engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, 1_000));
        engine.apply(bed.coalition.sale(pharmacy, EngineTestbed.ref(), card, 2_000));

        LedgerVerification.Result result = verify();

        assertThat(result.faults()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(2);
    }

    @Test
    void anEditedEntryIsNamed() {
        List<Long> chain = traffic();
        bed.execute("UPDATE ledger_entry SET points = points + 100 WHERE id = ?", chain.get(2));

        assertThat(verify().faults()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.EDITED);
            assertThat(f.entryId()).isEqualTo(chain.get(2));
            assertThat(f.position()).isEqualTo(3);
            assertThat(f.merchant()).isEqualTo(books.id());
        });
    }

    @Test
    void anEntryMovedToAnotherMerchantIsNamed() {
        List<Long> chain = traffic();
        bed.execute("UPDATE ledger_entry SET merchant_id = ? WHERE id = ?", pharmacy.id().value(), chain.get(1));

        assertThat(verify().faults()).extracting(ChainFault::kind, ChainFault::entryId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.EDITED, chain.get(1)));
    }

    @Test
    void aDeletedEntryIsNamed() {
        List<Long> chain = traffic();
        bed.execute("DELETE FROM ledger_entry WHERE id = ?", chain.get(3));

        assertThat(verify().faults()).extracting(ChainFault::kind, ChainFault::entryId, ChainFault::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DELETED, chain.get(3), 4L));
    }

    @Test
    void anEntryDeletedWithItsLinkLeavesAGapThatIsNamed() {
        List<Long> chain = traffic();
        bed.execute("DELETE FROM ledger_entry WHERE id = ?", chain.get(1));
        bed.execute("DELETE FROM ledger_chain_link WHERE entry_id = ?", chain.get(1));

        List<ChainFault> faults = verify().faults();

        assertThat(faults).extracting(ChainFault::kind).containsExactly(Kind.DELETED);
        assertThat(faults.get(0).position()).isEqualTo(2);
        assertThat(faults.get(0).detail()).contains("positions 2 to 2").contains("before entry " + chain.get(2));
    }

    @Test
    void theLastEntryDeletedWithItsLinkIsFoundFromTheHead() {
        List<Long> chain = traffic();
        long last = chain.get(chain.size() - 1);
        bed.execute("DELETE FROM ledger_entry WHERE id = ?", last);
        bed.execute("DELETE FROM ledger_chain_link WHERE entry_id = ?", last);

        assertThat(verify().faults()).extracting(ChainFault::kind, ChainFault::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DELETED, (long) chain.size()));
    }

    @Test
    void anInsertedEntryIsNamed() {
        traffic();
        long forged = 9_000_000_001L;
        bed.execute("INSERT INTO ledger_entry (id, account_id, merchant_id, purchase_id, entry_type, points, created_at) "
                + "SELECT ?, account_id, merchant_id, purchase_id, entry_type, 500, created_at FROM ledger_entry WHERE id = ?",
                forged, booksChain().get(0));

        assertThat(verify().faults()).extracting(ChainFault::kind, ChainFault::entryId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, forged));
    }

    @Test
    void entriesSwappedBetweenPositionsAreNamedAsReordered() {
        List<Long> chain = traffic();
        bed.execute("UPDATE ledger_chain_link SET entry_id = -1 WHERE entry_id = ?", chain.get(1));
        bed.execute("UPDATE ledger_chain_link SET entry_id = ? WHERE entry_id = ?", chain.get(1), chain.get(2));
        bed.execute("UPDATE ledger_chain_link SET entry_id = ? WHERE entry_id = -1", chain.get(2));

        assertThat(verify().faults()).extracting(ChainFault::kind, ChainFault::entryId, ChainFault::position)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.REORDERED, chain.get(2), 2L),
                        org.assertj.core.groups.Tuple.tuple(Kind.REORDERED, chain.get(1), 3L));
    }

    @Test
    void anEntryWhoseTimeWasChangedIsNamed() {
        List<Long> chain = traffic();
        bed.execute("UPDATE ledger_entry SET created_at = '2020-01-01 00:00:00.000' WHERE id = ?", chain.get(4));

        assertThat(verify().faults()).extracting(ChainFault::kind, ChainFault::entryId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.EDITED, chain.get(4)));
    }

    @Test
    void entriesWrittenBeforeTheChainAreChainedInOrderByTheBackfill() throws Exception {
        traffic();
        bed.execute("DELETE FROM ledger_chain_link");
        bed.execute("DELETE FROM ledger_chain_head");
        assertThat(verify().faults()).extracting(ChainFault::kind).containsOnly(Kind.INSERTED).hasSize(8);

        long chained = bed.database.inJdbcTransaction("backfill", LedgerBackfill::chainExistingEntries);

        assertThat(chained).isEqualTo(8);
        assertThat(verify().faults()).isEmpty();
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), EngineTestbed.newCard(), 1_000));
        assertThat(verify().faults()).isEmpty();
        assertThat(bed.queryLong("SELECT last_seq FROM ledger_chain_head WHERE merchant_id = ?", books.id().value())).isEqualTo(7);
    }

    /** Two pools on one database stand for two hub nodes; each runs engines on several threads at once. */
    @Test
    void concurrentWritersOnTwoNodesExtendEachChainWithoutAGapOrAFork() throws Exception {
        int threads = 6;
        int salesEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Database secondNode = Database.open(bed.config)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Database node = t % 2 == 0 ? bed.database : secondNode;
                PointsEngine engine = new PointsEngine(node, IdGenerator.forNode(20 + t), CoalitionFixture.CLOCK, 50);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < salesEach; i++) {
                        TestMerchant at = i % 3 == 0 ? pharmacy : books;
                        engine.apply(bed.coalition.sale(at, EngineTestbed.ref(), EngineTestbed.newCard(), 1_000 + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        LedgerVerification.Result result = verify();

        assertThat(result.faults()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(threads * salesEach);
        assertThat(bed.queryLong("SELECT last_seq FROM ledger_chain_head WHERE merchant_id = ?", books.id().value()))
                .isEqualTo(threads * 10L);
    }
}
