package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.reward.MailedRedemptions;
import io.loyaltyhub.domain.reward.NewReward;
import io.loyaltyhub.domain.reward.Redemption;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.domain.settlement.Billing;
import io.loyaltyhub.domain.settlement.GiftFigures;
import io.loyaltyhub.domain.settlement.Liability;
import io.loyaltyhub.domain.settlement.LiabilityStatement;
import io.loyaltyhub.domain.settlement.MerchantStatement;
import io.loyaltyhub.domain.settlement.PeriodClose;
import io.loyaltyhub.domain.settlement.PeriodKind;
import io.loyaltyhub.domain.settlement.ProgrammeTerms;
import io.loyaltyhub.domain.settlement.SettlementRefused;
import io.loyaltyhub.domain.settlement.SettlementStatements;
import io.loyaltyhub.domain.settlement.SettlementTerms;
import io.loyaltyhub.domain.settlement.StatementEvidence;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
 * randomized traffic (gifts of the catalogue included) and the coalition's positions sum to zero, a gift voided after
 * the close is taken back in the next period, a closed period keeps the liability recorded at its close, prepaid points run out into post-paid billing, a
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
        terms = new SettlementTerms(bed.database, IdGenerator.forNode(31), CoalitionFixture.CLOCK);
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
        return new PeriodClose(bed.database, IdGenerator.forNode(32), clock, SettlementSuite::sign);
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

    /** The test's own tally of one merchant's points and gifts, from the engine's answers. */
    private static final class Tally {
        long issued;
        long reversed;
        long redeemed;
        long operatorGifts;
        long operatorGiftPoints;
        long operatorGiftCost;
        long merchantGifts;
        long merchantGiftCost;

        void gift(String code, long points, int sign) {
            redeemed += sign * points;
            if (OPERATOR_GIFT.equals(code)) {
                operatorGifts += sign;
                operatorGiftPoints += sign * points;
                operatorGiftCost += sign * OPERATOR_GIFT_COST;
            } else {
                merchantGifts += sign;
                merchantGiftCost += sign * BOOKS_GIFT_COST;
            }
        }
    }

    private static final String OPERATOR_GIFT = "SETTLE-TOTE";
    private static final long OPERATOR_GIFT_COST = 400;
    private static final String BOOKS_GIFT = "SETTLE-BOOKMARK";
    private static final long BOOKS_GIFT_COST = 120;

    /** The operator's gift (25 points, costs 4.00) everywhere; books' own (15 points, costs 1.20) at books and the cafe. */
    private RewardCatalogue gifts() {
        RewardCatalogue catalogue = new RewardCatalogue(bed.database, IdGenerator.forNode(35), CoalitionFixture.CLOCK);
        catalogue.add(new NewReward(OPERATOR_GIFT, "Tote bag", null, 25, null, LocalDate.of(2020, 1, 1),
                LocalDate.of(2099, 12, 31), true, List.of(), OPERATOR_GIFT_COST));
        catalogue.add(new NewReward(BOOKS_GIFT, "Bookmark", books.id(), 15, null, LocalDate.of(2020, 1, 1),
                LocalDate.of(2099, 12, 31), false, List.of(cafe.id()), BOOKS_GIFT_COST));
        return catalogue;
    }

    private PosTransaction giftAt(TestMerchant at, String ref, String card, String code) {
        return new PosTransaction(at.id(), at.store(), at.terminal(), new TxnRef(ref), TransactionType.REDEEM,
                bed.coalition.cards().read(card), Money.of(0, "XXX"), CoalitionFixture.OCCURRED_AT, List.of(), null, 0,
                Channel.HTTP_JSON, code);
    }

    @Test
    void statementsMatchRandomizedTrafficWithGiftsAndThePositionsSumToZero() {
        terms.topUp(pharmacy.id(), 150);
        gifts();
        Random random = new Random(16);
        List<TestMerchant> merchants = List.of(books, pharmacy, cafe);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cards.add(EngineTestbed.newCard());
        }
        Map<MerchantId, Tally> tallies = new HashMap<>();
        List<String[]> sales = new ArrayList<>();   // merchant index, ref, card
        List<String[]> redeems = new ArrayList<>(); // merchant index, ref, card, gift code or ""
        for (int i = 0; i < 160; i++) {
            int m = random.nextInt(3);
            TestMerchant at = merchants.get(m);
            String card = cards.get(random.nextInt(cards.size()));
            String ref = EngineTestbed.ref();
            int kind = random.nextInt(10);
            if (kind < 4 || sales.isEmpty()) {
                TransactionOutcome out = bed.engine.apply(bed.coalition.sale(at, ref, card, 100 + random.nextInt(20_000)));
                sales.add(new String[] {Integer.toString(m), ref, card});
                if (out.approved()) {
                    tally(tallies, at).issued += out.points();
                }
            } else if (kind < 6) {
                String[] sale = sales.get(random.nextInt(sales.size()));
                at = merchants.get(Integer.parseInt(sale[0]));
                TransactionOutcome out = bed.engine.apply(bed.coalition.txn(at, ref, TransactionType.REFUND, sale[2],
                        100 + random.nextInt(3_000), sale[1]));
                if (out.approved()) {
                    tally(tallies, at).reversed -= out.points();
                }
            } else if (kind < 7) {
                TransactionOutcome out = bed.engine.apply(bed.coalition.txn(at, ref, TransactionType.REDEEM, card,
                        1 + random.nextInt(60), null));
                if (out.approved()) {
                    redeems.add(new String[] {Integer.toString(m), ref, card, ""});
                    tally(tallies, at).redeemed -= out.points();
                }
            } else if (kind < 9 || redeems.isEmpty()) {
                String code = random.nextBoolean() ? OPERATOR_GIFT : BOOKS_GIFT;
                TransactionOutcome out = bed.engine.apply(giftAt(at, ref, card, code));
                if (out.approved()) {
                    redeems.add(new String[] {Integer.toString(m), ref, card, code});
                    tally(tallies, at).gift(code, -out.points(), 1);
                }
            } else {
                String[] redeem = redeems.remove(random.nextInt(redeems.size()));
                at = merchants.get(Integer.parseInt(redeem[0]));
                TransactionOutcome out = bed.engine.apply(bed.coalition.txn(at, ref, TransactionType.VOID, redeem[2], 0,
                        redeem[1]));
                if (!out.approved()) {
                    continue;
                }
                if (redeem[3].isEmpty()) {
                    tally(tallies, at).redeemed -= out.points();
                } else {
                    tally(tallies, at).gift(redeem[3], out.points(), -1);
                }
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
            long value = s.merchant().equals(pharmacy.id()) ? 3 : 1;
            assertThat(s.points().issued()).as("issued at " + s.merchant()).isEqualTo(t.issued);
            assertThat(s.points().reversed()).as("reversed at " + s.merchant()).isEqualTo(t.reversed);
            assertThat(s.points().redeemed()).as("redeemed at " + s.merchant()).isEqualTo(t.redeemed);
            assertThat(s.gifts()).as("gifts at " + s.merchant()).isEqualTo(new GiftFigures(t.operatorGifts,
                    t.operatorGiftPoints, t.operatorGiftCost, t.merchantGifts, t.merchantGiftCost));
            assertThat(s.points().netPoints()).isEqualTo(bed.queryLong("SELECT COALESCE(SUM(points), 0) FROM ledger_entry "
                    + "WHERE merchant_id = ?", s.merchant().value()));
            assertThat(s.dueMinor()).as("the operator's gifts reimbursed at their cost, other points at the value")
                    .isEqualTo((t.redeemed - t.operatorGiftPoints) * value + t.operatorGiftCost);
            assertThat(positions.get("merchant:" + s.merchant().value())).isEqualTo(s.netMinor());
            if (s.merchant().equals(pharmacy.id())) {
                pharmacyIssued = t.issued - t.reversed;
            }
        }
        assertThat(tallies.values()).as("the traffic handed out gifts of both kinds")
                .anySatisfy(t -> assertThat(t.operatorGifts).isPositive())
                .anySatisfy(t -> assertThat(t.merchantGifts).isPositive());
        assertThat(bed.queryLong("SELECT COUNT(*) FROM reward_redemption WHERE status = 'CANCELLED'"))
                .as("some gifts were voided").isPositive();
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

    private static Tally tally(Map<MerchantId, Tally> tallies, TestMerchant at) {
        return tallies.computeIfAbsent(at.id(), id -> new Tally());
    }

    @Test
    void aGiftVoidedAfterTheCloseIsTakenBackInTheNextPeriodAtTheCostItWasRedeemedAt() {
        RewardCatalogue catalogue = gifts();
        String card = EngineTestbed.newCard();
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, 10_000));           // 100 points
        String tote = EngineTestbed.ref();
        assertThat(bed.engine.apply(giftAt(pharmacy, tote, card, OPERATOR_GIFT)).approved()).isTrue();
        assertThat(bed.engine.apply(giftAt(books, EngineTestbed.ref(), card, BOOKS_GIFT)).approved()).isTrue();
        MailedRedemptions mail = new MailedRedemptions(bed.database, IdGenerator.forNode(36), CoalitionFixture.CLOCK);
        Redemption mailed = mail.reserve(bed.coalition.cards().read(card), OPERATOR_GIFT, "op");
        mail.fulfil(mailed.id(), "op");
        PeriodClose.Closed first = closer(AFTER_MIDNIGHT).closeCurrent(false);

        catalogue.setCost(OPERATOR_GIFT, 999);
        // made at the engine's time, before the first period's end, but written after its close
        assertThat(bed.engine.apply(bed.coalition.txn(pharmacy, EngineTestbed.ref(), TransactionType.VOID, card, 0, tote))
                .approved()).isTrue();
        PeriodClose.Closed second = closer(Clock.offset(AFTER_MIDNIGHT, Duration.ofDays(1))).closeCurrent(false);

        SettlementStatements statements = new SettlementStatements(bed.database);
        MerchantStatement handedOut = statements.forMerchant(pharmacy.id(), first.period().id());
        MerchantStatement voided = statements.forMerchant(pharmacy.id(), second.period().id());
        MerchantStatement own = statements.forMerchant(books.id(), first.period().id());
        assertThat(handedOut.gifts()).isEqualTo(new GiftFigures(1, 25, 400, 0, 0));
        assertThat(handedOut.points().redeemed()).isEqualTo(25);
        assertThat(handedOut.dueMinor()).as("the gift's cost, not the points' value").isEqualTo(400);
        assertThat(new StatementEvidence(bed.database).signed(pharmacy.id(), first.period().id()).text())
                .startsWith("loyalty-hub-statement v2|").contains("|operator_gifts=1|operator_gift_points=25|"
                        + "operator_gift_cost_minor=400|merchant_gifts=0|merchant_gift_cost_minor=0|owed_minor=0|due_minor=400|");
        assertThat(voided.gifts()).as("taken back at the cost it was redeemed at").isEqualTo(new GiftFigures(-1, -25, -400, 0, 0));
        assertThat(voided.dueMinor()).isEqualTo(-400);
        assertThat(own.gifts()).as("books' own gift: its own cost").isEqualTo(new GiftFigures(0, 0, 0, 1, 120));
        assertThat(own.dueMinor()).as("its points at books' redemption value").isEqualTo(15);
        assertThat(new Liability(bed.database).ofPeriod(first.period().id()).mailedGiftCostMinor())
                .as("the mailed gift: the operator's cost").isEqualTo(400);
        assertThat(new Liability(bed.database).ofPeriod(second.period().id()).mailedGifts()).isZero();
        for (PeriodClose.Closed closed : List.of(first, second)) {
            assertThat(statements.positions(closed.period().id()).values().stream().mapToLong(Long::longValue).sum()).isZero();
        }
    }

    @Test
    void aClosedPeriodKeepsItsLiabilityAsOfItsEndAndACloseStoppedHalfwayRecordsItOnce() {
        String card = EngineTestbed.newCard();
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), card, 10_000));           // 100 points at books
        bed.engine.apply(bed.coalition.txn(cafe, EngineTestbed.ref(), TransactionType.REDEEM, card, 30, null));
        // booked after the period's end (but before its close): not in the period's figures
        engineAt(Duration.ofDays(1).plusHours(1)).apply(bed.coalition.sale(pharmacy, EngineTestbed.ref(), card, 5_000));
        AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> closer(AFTER_MIDNIGHT).closeCurrent(false, merchant -> {
            if (done.incrementAndGet() == 3) {
                throw new IllegalStateException("the node stopped here");
            }
        })).hasMessageContaining("stopped");
        assertThat(bed.queryLong("SELECT COUNT(*) FROM settlement_operator_period")).isZero();

        PeriodClose.Closed closed = closer(AFTER_MIDNIGHT).closeCurrent(false);
        closer(AFTER_MIDNIGHT).closePeriod(closed.period().id());
        engineAt(Duration.ofDays(3)).apply(bed.coalition.sale(cafe, EngineTestbed.ref(), card, 7_000));
        Liability liability = new Liability(bed.database);
        LiabilityStatement atEnd = liability.ofPeriod(closed.period().id());
        LiabilityStatement now = liability.current();

        assertThat(atEnd.asOf()).isEqualTo(closed.period().end());
        assertThat(atEnd.outstanding()).containsExactly(new LiabilityStatement.Outstanding(books.id().value(), 70, 140));
        assertThat(atEnd.redeemedSoFar()).isEqualTo(30);
        assertThat(now.outstanding()).extracting(LiabilityStatement.Outstanding::issuer)
                .containsExactlyInAnyOrder(books.id().value(), pharmacy.id().value(), cafe.id().value());
        assertThat(bed.queryLong("SELECT COUNT(*) FROM settlement_liability WHERE period_id = ?", closed.period().id()))
                .isEqualTo(1);
        assertThat(bed.queryLong("SELECT COUNT(*) FROM settlement_operator_period")).isEqualTo(1);
        assertThatThrownBy(() -> liability.ofPeriod(closer(AFTER_MIDNIGHT).current().id()))
                .isInstanceOf(SettlementRefused.class).extracting(e -> ((SettlementRefused) e).code())
                .isEqualTo("period-not-closed");
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
        new io.loyaltyhub.domain.expiry.PointsExpiry(bed.database, IdGenerator.forNode(33), CoalitionFixture.CLOCK)
                .setPolicy(java.util.Optional.of(io.loyaltyhub.domain.expiry.ExpiryPolicy.monthsAfterEarning(12)));
        String early = EngineTestbed.newCard();
        bed.engine.apply(bed.coalition.sale(books, EngineTestbed.ref(), early, 2_000));
        bed.engine.apply(bed.coalition.txn(books, EngineTestbed.ref(), TransactionType.REDEEM, early, 10, null));
        new io.loyaltyhub.domain.expiry.PointsExpiry(bed.database, IdGenerator.forNode(33),
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
        return new PointsEngine(bed.database, IdGenerator.forNode(34), Clock.offset(CoalitionFixture.CLOCK, later), 8,
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
