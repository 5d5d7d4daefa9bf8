package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.settlement.Billing;
import io.loyaltyhub.domain.settlement.MerchantStatement;
import io.loyaltyhub.domain.settlement.PeriodClose;
import io.loyaltyhub.domain.settlement.PeriodKind;
import io.loyaltyhub.domain.settlement.ProgrammeTerms;
import io.loyaltyhub.domain.settlement.SettlementRefused;
import io.loyaltyhub.domain.settlement.SettlementStatements;
import io.loyaltyhub.domain.settlement.SettlementTerms;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement (issue 16, docs/settlement.md) on the embedded database and a MySQL-compatible server: statements match
 * randomized traffic and the coalition's positions sum to zero, prepaid points run out into post-paid billing, a
 * closed period never changes (a late entry lands in the next), and a close stopped halfway is finished, not doubled.
 */
abstract class SettlementSuite {
    /** The engine's clock (the fixture's) is a day before the period closes at midnight. */
    private static final Clock AFTER_MIDNIGHT = Clock.fixed(CoalitionFixture.CLOCK.instant().truncatedTo(
            java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)).plusSeconds(60), java.time.ZoneOffset.UTC);

    private EngineTestbed bed;
    private TestMerchant books;
    private TestMerchant pharmacy;
    private TestMerchant cafe;
    private SettlementTerms terms;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        bed = new EngineTestbed(newDatabase());
        books = bed.merchant();
        pharmacy = bed.merchant();
        cafe = bed.merchant();
        terms = new SettlementTerms(bed.database, new IdGenerator(31), CoalitionFixture.CLOCK);
        terms.setProgramme(new ProgrammeTerms("EUR", 1, 1, PeriodKind.DAILY));
        terms.setMerchant(books.id(), 2L, 1L, Billing.POST_PAID);
        terms.setMerchant(pharmacy.id(), null, 3L, Billing.PREPAID);
    }

    @AfterEach
    void close() {
        if (bed != null) {
            bed.close();
        }
    }

    private static final java.security.KeyPair HUB_KEY = ed25519();

    private static java.security.KeyPair ed25519() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] sign(byte[] text) {
        try {
            java.security.Signature s = java.security.Signature.getInstance("Ed25519");
            s.initSign(HUB_KEY.getPrivate());
            s.update(text);
            return s.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean verifies(String text, String signatureBase64) {
        try {
            java.security.Signature s = java.security.Signature.getInstance("Ed25519");
            s.initVerify(HUB_KEY.getPublic());
            s.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return s.verify(java.util.Base64.getDecoder().decode(signatureBase64));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private PeriodClose closer(Clock clock) {
        return new PeriodClose(bed.database, new IdGenerator(32), clock, SettlementSuite::sign);
    }

    @Test
    void aClosedStatementIsSignedCoversItsEntriesAndProvesAReceiptIncluded() throws Exception {
        String card = EngineTestbed.newCard();
        String receipt = null;
        for (int i = 0; i < 5; i++) {
            String ref = EngineTestbed.ref();
            bed.engine.apply(bed.coalition.sale(books, ref, card, 1_000L * (i + 1)));
            if (i == 2) {
                receipt = ref;
            }
        }
        PeriodClose.Closed closed = closer(AFTER_MIDNIGHT).closeCurrent(false);
        io.loyaltyhub.domain.settlement.StatementEvidence evidence =
                new io.loyaltyhub.domain.settlement.StatementEvidence(bed.database);

        io.loyaltyhub.domain.settlement.StatementEvidence.Signed signed = evidence.signed(books.id(), closed.period().id());
        List<io.loyaltyhub.domain.settlement.StatementEvidence.Entry> entries = evidence.entries(books.id(), closed.period().id());
        io.loyaltyhub.domain.settlement.StatementEvidence.InclusionProof proof =
                evidence.inclusionProof(books.id(), closed.period().id(), receipt);

        assertThat(verifies(signed.text(), signed.signatureBase64())).isTrue();
        assertThat(verifies(signed.text().replace("issued=150", "issued=151"), signed.signatureBase64())).isFalse();
        assertThat(entries).hasSize(5).allSatisfy(e -> assertThat(
                io.loyaltyhub.domain.ledger.ChainHash.sha256Hex(e.line())).isEqualTo(e.hash()));
        String root = new io.loyaltyhub.domain.ledger.MerkleTree(entries.stream().map(e -> e.hash()).toList()).root();
        assertThat(signed.text()).contains("|merkle=" + root + "|").contains("|entries=5|").contains("|issued=150|")
                .contains("|chain=" + entries.get(4).hash() + "|");
        assertThat(proof.entry().txnRef()).isEqualTo(receipt);
        assertThat(io.loyaltyhub.domain.ledger.MerkleTree.rootFrom(proof.entry().hash(), proof.steps())).isEqualTo(root);
        io.loyaltyhub.domain.settlement.StatementEvidence.Signed checkpoint =
                new SettlementStatements(bed.database).checkpoint(closed.period().id());
        assertThat(verifies(checkpoint.text(), checkpoint.signatureBase64())).isTrue();
        assertThat(checkpoint.text()).contains("merkle=" + root);
        assertThatThrownBy(() -> evidence.inclusionProof(pharmacy.id(), closed.period().id(), "X-NOT-THERE"))
                .isInstanceOf(SettlementRefused.class).extracting(e -> ((SettlementRefused) e).code())
                .isEqualTo("receipt-not-in-statement");
    }

    /** The test's own tally of one merchant's points, from the engine's answers. */
    private static final class Tally {
        long issued;
        long reversed;
        long redeemed;
    }

    @Test
    void statementsMatchRandomizedTrafficAndThePositionsSumToZero() {
        terms.topUp(pharmacy.id(), 150);
        Random random = new Random(16);
        List<TestMerchant> merchants = List.of(books, pharmacy, cafe);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cards.add(EngineTestbed.newCard());
        }
        Map<MerchantId, Tally> tallies = new HashMap<>();
        List<String[]> sales = new ArrayList<>();   // merchant index, ref, card
        List<String[]> redeems = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int m = random.nextInt(3);
            TestMerchant at = merchants.get(m);
            String card = cards.get(random.nextInt(cards.size()));
            String ref = EngineTestbed.ref();
            int kind = random.nextInt(10);
            TransactionOutcome out;
            if (kind < 5 || sales.isEmpty()) {
                out = bed.engine.apply(bed.coalition.sale(at, ref, card, 100 + random.nextInt(20_000)));
                sales.add(new String[] {Integer.toString(m), ref, card});
            } else if (kind < 7) {
                String[] sale = sales.get(random.nextInt(sales.size()));
                at = merchants.get(Integer.parseInt(sale[0]));
                out = bed.engine.apply(bed.coalition.txn(at, ref, TransactionType.REFUND, sale[2], 100 + random.nextInt(3_000), sale[1]));
            } else if (kind < 9 || redeems.isEmpty()) {
                out = bed.engine.apply(bed.coalition.txn(at, ref, TransactionType.REDEEM, card, 1 + random.nextInt(60), null));
                redeems.add(new String[] {Integer.toString(m), ref, card});
            } else {
                String[] redeem = redeems.remove(random.nextInt(redeems.size()));
                at = merchants.get(Integer.parseInt(redeem[0]));
                out = bed.engine.apply(bed.coalition.txn(at, ref, TransactionType.VOID, redeem[2], 0, redeem[1]));
            }
            if (!out.approved()) {
                continue;
            }
            Tally t = tallies.computeIfAbsent(at.id(), id -> new Tally());
            switch (kind < 5 || out.points() > 0 && kind < 7 ? 0 : kind < 7 ? 1 : kind < 9 ? 2 : 3) {
                case 0 -> t.issued += out.points();
                case 1 -> t.reversed -= out.points();
                case 2 -> t.redeemed -= out.points();
                default -> t.redeemed -= out.points();
            }
        }

        PeriodClose.Closed closed = closer(AFTER_MIDNIGHT).closeCurrent(false);
        SettlementStatements statements = new SettlementStatements(bed.database);
        List<MerchantStatement> all = statements.acrossMerchants(closed.period().id());
        Map<String, Long> positions = statements.positions(closed.period().id());

        assertThat(all).hasSize(3);
        long pharmacyIssued = 0;
        for (MerchantStatement s : all) {
            Tally t = tallies.getOrDefault(s.merchant(), new Tally());
            assertThat(s.points().issued()).as("issued at " + s.merchant()).isEqualTo(t.issued);
            assertThat(s.points().reversed()).as("reversed at " + s.merchant()).isEqualTo(t.reversed);
            assertThat(s.points().redeemed()).as("redeemed at " + s.merchant()).isEqualTo(t.redeemed);
            assertThat(s.points().netPoints()).isEqualTo(bed.queryLong("SELECT COALESCE(SUM(points), 0) FROM ledger_entry "
                    + "WHERE merchant_id = ?", s.merchant().value()));
            assertThat(s.dueMinor()).isEqualTo(t.redeemed * (s.merchant().equals(pharmacy.id()) ? 3 : 1));
            assertThat(positions.get("merchant:" + s.merchant().value())).isEqualTo(s.netMinor());
            if (s.merchant().equals(pharmacy.id())) {
                pharmacyIssued = t.issued - t.reversed;
            }
        }
        MerchantStatement booksStatement = statements.forMerchant(books.id(), closed.period().id());
        Tally bookTally = tallies.get(books.id());
        assertThat(booksStatement.owedMinor()).isEqualTo((bookTally.issued - bookTally.reversed) * 2);
        MerchantStatement pharmacyStatement = statements.forMerchant(pharmacy.id(), closed.period().id());
        assertThat(pharmacyIssued).as("the traffic issues more at the pharmacy than it prepaid").isGreaterThan(150);
        assertThat(pharmacyStatement.prepaidDrawn()).isEqualTo(150);
        assertThat(pharmacyStatement.prepaidShortfall()).isEqualTo(pharmacyIssued - 150);
        assertThat(pharmacyStatement.owedMinor()).isEqualTo(150 + (pharmacyIssued - 150));
        assertThat(terms.merchant(pharmacy.id()).prepaidPoints()).isZero();
        assertThat(positions).containsKey("operator");
        assertThat(positions.values().stream().mapToLong(Long::longValue).sum()).isZero();
    }

    @Test
    void aClosedPeriodNeverChangesAndALateEntryLandsInTheNextPeriod() {
        String card = EngineTestbed.newCard();
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, 10_000));
        PeriodClose.Closed first = closer(AFTER_MIDNIGHT).closeCurrent(false);

        // made at the engine's time, before the first period's end, but written after its close
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, 5_000));
        PeriodClose.Closed again = closer(AFTER_MIDNIGHT).closePeriod(first.period().id());
        PeriodClose.Closed second = closer(Clock.offset(AFTER_MIDNIGHT, Duration.ofDays(1))).closeCurrent(false);

        SettlementStatements statements = new SettlementStatements(bed.database);
        assertThat(again.alreadyClosed()).isTrue();
        assertThat(again.statementsWritten()).isZero();
        assertThat(statements.forMerchant(books.id(), first.period().id()).points().issued()).isEqualTo(100);
        MerchantStatement late = statements.forMerchant(books.id(), second.period().id());
        assertThat(late.points().issued()).isEqualTo(50);
        assertThat(late.fromPosition()).isEqualTo(1);
        assertThat(late.toPosition()).isEqualTo(2);
        assertThat(second.period().startsAt()).isEqualTo(first.period().end());
    }

    @Test
    void anUnendedPeriodIsNotClosedWithoutNowAndAnOpenPeriodHasNoStatement() {
        PeriodClose closer = closer(CoalitionFixture.CLOCK);
        long open = closer.current().id();

        assertThatThrownBy(() -> closer.closeCurrent(false)).isInstanceOf(SettlementRefused.class)
                .extracting(e -> ((SettlementRefused) e).code()).isEqualTo("period-not-ended");
        assertThatThrownBy(() -> new SettlementStatements(bed.database).forMerchant(books.id(), open))
                .isInstanceOf(SettlementRefused.class).extracting(e -> ((SettlementRefused) e).code())
                .isEqualTo("period-not-closed");
        assertThat(closer.closeCurrent(true).period().id()).isEqualTo(open);
        assertThat(closer.current().id()).isNotEqualTo(open);
    }

    @Test
    void aCloseStoppedHalfwayIsFinishedByARerunAndNeverDoubled() {
        String card = EngineTestbed.newCard();
        for (TestMerchant m : List.of(books, pharmacy, cafe)) {
            bed.engine.apply(bed.coalition.sale(m, EngineTestbed.ref(), card, 10_000));
        }
        AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> closer(AFTER_MIDNIGHT).closeCurrent(false, merchant -> {
            if (done.incrementAndGet() == 2) {
                throw new IllegalStateException("the node stopped here");
            }
        })).hasMessageContaining("stopped");
        assertThat(bed.queryLong("SELECT COUNT(*) FROM settlement_statement")).isEqualTo(2);

        PeriodClose.Closed rerun = closer(AFTER_MIDNIGHT).closeCurrent(false);

        assertThat(rerun.statementsWritten()).isEqualTo(1);
        assertThat(bed.queryLong("SELECT COUNT(*) FROM settlement_statement WHERE period_id = ?", rerun.period().id())).isEqualTo(3);
        assertThat(bed.queryLong("SELECT COUNT(*) FROM settlement_posting WHERE period_id = ?", rerun.period().id())).isEqualTo(6);
        assertThat(bed.queryLong("SELECT SUM(amount_minor) FROM settlement_posting")).isZero();
        assertThat(bed.queryLong("SELECT COUNT(*) FROM settlement_period WHERE status = 'CLOSED'")).isEqualTo(1);
    }

    @Test
    void topUpsRefuseNegativesAndPostPaidMerchantsAndRunOutIntoPostPaidBilling() {
        assertThatThrownBy(() -> terms.topUp(pharmacy.id(), -5)).isInstanceOf(SettlementRefused.class)
                .extracting(e -> ((SettlementRefused) e).code()).isEqualTo("topup-not-positive");
        assertThatThrownBy(() -> terms.topUp(books.id(), 5)).isInstanceOf(SettlementRefused.class)
                .extracting(e -> ((SettlementRefused) e).code()).isEqualTo("merchant-not-prepaid");
        assertThat(terms.topUp(pharmacy.id(), 60)).isEqualTo(60);
        bed.engine.apply(bed.coalition.sale(pharmacy, EngineTestbed.ref(), EngineTestbed.newCard(), 8_000)); // 80 points

        PeriodClose.Closed closed = closer(AFTER_MIDNIGHT).closeCurrent(false);
        MerchantStatement s = new SettlementStatements(bed.database).forMerchant(pharmacy.id(), closed.period().id());

        assertThat(s.topupPoints()).isEqualTo(60);
        assertThat(s.topupMinor()).isEqualTo(60);
        assertThat(s.prepaidDrawn()).isEqualTo(60);
        assertThat(s.prepaidShortfall()).isEqualTo(20);
        assertThat(s.prepaidLeft()).isZero();
        assertThat(s.owedMinor()).as("the top-up bought, and the 20 points it could not cover").isEqualTo(80);
        assertThat(s.netMinor()).isEqualTo(-80);
    }

    @Test
    void theOperatorSeesOutstandingPointsByIssuerTheirExpiryMonthsAndTheBreakageExpectedOfThem() {
        new io.loyaltyhub.domain.expiry.PointsExpiry(bed.database, new IdGenerator(33), CoalitionFixture.CLOCK)
                .setPolicy(java.util.Optional.of(io.loyaltyhub.domain.expiry.ExpiryPolicy.monthsAfterEarning(12)));
        String early = EngineTestbed.newCard();
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), early, 2_000));
        bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.REDEEM, early, 10, null));
        new io.loyaltyhub.domain.expiry.PointsExpiry(bed.database, new IdGenerator(33),
                Clock.offset(CoalitionFixture.CLOCK, Duration.ofDays(400))).run(line -> { });
        String card = EngineTestbed.newCard();
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, 10_000));
        engineAt(Duration.ofDays(31)).apply(bed.coalition.sale(pharmacy, EngineTestbed.ref(), card, 5_000));
        engineAt(Duration.ofDays(40)).apply(bed.coalition.txn(cafe, EngineTestbed.ref(), TransactionType.REDEEM, card, 30, null));

        io.loyaltyhub.domain.settlement.Liability.Figures figures =
                new io.loyaltyhub.domain.settlement.Liability(bed.database).now();

        assertThat(figures.outstanding()).as("the redemption took books' older credit first")
                .containsExactlyInAnyOrderEntriesOf(Map.of(books.id().value(), 70L, pharmacy.id().value(), 50L));
        assertThat(figures.expiring().get(books.id().value()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(java.time.YearMonth.of(2027, 11), 70L));
        assertThat(figures.expiring().get(pharmacy.id().value()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(java.time.YearMonth.of(2027, 12), 50L));
        assertThat(figures.expiredSoFar()).isEqualTo(10);
        assertThat(figures.redeemedSoFar()).isEqualTo(40);
        assertThat(figures.expectedBreakage(70)).as("10 of the 50 settled points expired").isEqualTo(14);
    }

    private PointsEngine engineAt(Duration later) {
        return new PointsEngine(bed.database, new IdGenerator(34), Clock.offset(CoalitionFixture.CLOCK, later), 8,
                new io.loyaltyhub.domain.txn.OccurredAtWindow(Duration.ofDays(36_500), Duration.ofDays(36_500)));
    }

    @Test
    void aChainRewrittenWithRecomputedHashesIsCaughtByTheSignedStatement() throws Exception {
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), EngineTestbed.newCard(), 10_000));
        closer(AFTER_MIDNIGHT).closeCurrent(false);
        long entry = bed.queryLong("SELECT entry_id FROM ledger_chain_link WHERE merchant_id = ? AND chain_seq = 1",
                books.id().value());
        // what someone with write access and the chain's rules can do: change the entry and recompute its link and head
        bed.execute("UPDATE ledger_entry SET points = 1000 WHERE id = ?", entry);
        io.loyaltyhub.domain.ledger.ChainedEntry forged = new io.loyaltyhub.domain.ledger.ChainedEntry(entry, books.id(),
                bed.queryLong("SELECT purchase_id FROM ledger_entry WHERE id = ?", entry), "EARN", 1000,
                java.time.LocalDateTime.ofInstant(CoalitionFixture.CLOCK.instant(), java.time.ZoneOffset.UTC)
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String hash = forged.hashAt(1, io.loyaltyhub.domain.ledger.ChainHash.GENESIS);
        bed.execute("UPDATE ledger_chain_link SET entry_hash = ? WHERE entry_id = ?", hash, entry);
        bed.execute("UPDATE ledger_chain_head SET last_hash = ? WHERE merchant_id = ?", hash, books.id().value());

        List<io.loyaltyhub.domain.ledger.ChainFault> unsigned = new io.loyaltyhub.domain.ledger.LedgerVerification(
                bed.database).verifyAll().faults();
        List<io.loyaltyhub.domain.ledger.ChainFault> signed = new io.loyaltyhub.domain.ledger.LedgerVerification(
                bed.database, SettlementSuite::verifies).verifyAll().faults();
        bed.execute("UPDATE settlement_statement SET signed_text = REPLACE(signed_text, 'issued=100|', 'issued=1000|') "
                + "WHERE merchant_id = ?", books.id().value());
        List<io.loyaltyhub.domain.ledger.ChainFault> resigned = new io.loyaltyhub.domain.ledger.LedgerVerification(
                bed.database, SettlementSuite::verifies).verifyAll().faults();

        assertThat(unsigned).extracting(io.loyaltyhub.domain.ledger.ChainFault::kind)
                .containsExactly(io.loyaltyhub.domain.ledger.ChainFault.Kind.CHECKPOINT_MISMATCH);
        assertThat(signed).singleElement().satisfies(f -> assertThat(f.detail()).contains("rewritten"));
        assertThat(resigned).singleElement().satisfies(f -> assertThat(f.detail()).contains("does not verify"));
    }
}
