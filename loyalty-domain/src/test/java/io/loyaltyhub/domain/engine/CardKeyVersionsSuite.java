package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.card.CardCatalog;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.CardRekeyJob;
import io.loyaltyhub.domain.card.ProgrammeCardReader;
import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Card key rotation while hub nodes run (issue 12, item 17), on the embedded database and a MySQL-compatible
 * server. "Old node" reads cards with card key 1 only; "new node" with key 2 and key 1. Each test has its own
 * database, because the coalition's card key version is database-wide.
 */
abstract class CardKeyVersionsSuite {
    private static final CardTokenizer KEY_1 = new CardTokenizer(CoalitionFixture.CARD_KEY_1, 1);
    private static final CardTokenizer KEY_2 = new CardTokenizer(CoalitionFixture.filled(9), 2);

    private EngineTestbed bed;
    private TestMerchant shop;
    private CardCatalog catalog;
    private CardReader oldNode;
    private CardReader newNode;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        bed = new EngineTestbed(newDatabase());
        shop = bed.merchant();
        catalog = bed.coalition.admin().loadCardCatalog();
        oldNode = new ProgrammeCardReader(() -> catalog, KEY_1);
        newNode = new ProgrammeCardReader(() -> catalog, KEY_2, List.of(KEY_1));
    }

    @AfterEach
    void close() {
        if (bed != null) {
            bed.close();
        }
    }

    private TransactionOutcome sale(CardReader node, String card, long cents) {
        return bed.engine.apply(txn(node, TransactionType.SALE, card, cents));
    }

    private PosTransaction txn(CardReader node, TransactionType type, String card, long cents) {
        return bed.coalition.txn(shop, EngineTestbed.ref(), type, node.read(card), cents, "EUR",
                CoalitionFixture.OCCURRED_AT, null);
    }

    private CardRekeyJob.Result rekey(List<String> progress) {
        return new CardRekeyJob(bed.database, KEY_2, List.of(KEY_1), progress::add, IdGenerator.forNode(5),
                CoalitionFixture.CLOCK).run(catalog);
    }

    private long cards() {
        return bed.queryLong("SELECT COUNT(*) FROM card");
    }

    @Test
    void untilReKeyingStartsANodeWithTheNewKeyStoresNewCardsUnderTheOldOneSoOldNodesStillFindThem() {
        String card = EngineTestbed.newCard();

        sale(newNode, card, 1_000);
        TransactionOutcome atOldNode = sale(oldNode, card, 2_000);

        assertThat(atOldNode.balance()).isEqualTo(30);
        assertThat(cards()).isEqualTo(1);
        assertThat(bed.queryLong("SELECT key_version FROM card")).isEqualTo(1);
    }

    @Test
    void aNodeWithoutTheNewKeyRefusesACardItCannotFindOnceReKeyingHasStartedInsteadOfStoringItTwice() {
        String known = EngineTestbed.newCard();
        String fresh = EngineTestbed.newCard();
        sale(oldNode, known, 1_000);
        rekey(new ArrayList<>());

        TransactionOutcome knownAtOldNode = sale(oldNode, known, 1_000);
        TransactionOutcome freshAtOldNode = sale(oldNode, fresh, 1_000);
        TransactionOutcome inquiryAtOldNode = bed.engine.apply(txn(oldNode, TransactionType.BALANCE_INQUIRY, known, 0));

        assertThat(knownAtOldNode.result()).isEqualTo(ResultCode.CARD_KEY_UNAVAILABLE);
        assertThat(freshAtOldNode.result()).isEqualTo(ResultCode.CARD_KEY_UNAVAILABLE);
        assertThat(inquiryAtOldNode.result()).as("never a balance of 0 for a card it cannot see")
                .isEqualTo(ResultCode.CARD_KEY_UNAVAILABLE);
        assertThat(cards()).isEqualTo(1);
        assertThat(sale(newNode, known, 1_000).balance()).isEqualTo(20);
        assertThat(sale(newNode, fresh, 1_000).balance()).isEqualTo(10);
        assertThat(bed.queryLong("SELECT COUNT(*) FROM card WHERE key_version = 2")).isEqualTo(2);
    }

    @Test
    void aCardStoredTwiceByAnEarlierReleaseIsAnsweredFromItsNewerRowInsteadOfFailingEveryTime() {
        String card = EngineTestbed.newCard();
        storeTwice(card, 1_000, 500);

        TransactionOutcome answer = sale(newNode, card, 2_000);

        assertThat(answer.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(answer.balance()).as("the row under key version 2: 10 + 20").isEqualTo(30);
        assertThat(cards()).isEqualTo(2);
    }

    @Test
    void reKeyingMergesACardStoredTwiceIntoOneAccountWithAllItsPointsAndPurchases() {
        String card = EngineTestbed.newCard();
        storeTwice(card, 1_000, 500);
        List<String> progress = new ArrayList<>();

        CardRekeyJob.Result result = rekey(progress);

        assertThat(result.cardsMerged()).isEqualTo(1);
        assertThat(result.cardsLeft()).isZero();
        assertThat(cards()).isEqualTo(1);
        assertThat(progress).anyMatch(line -> line.contains("stored twice"));
        TransactionOutcome after = sale(newNode, card, 100);
        assertThat(after.balance()).isEqualTo(10 + 5 + 1);
        long account = bed.queryLong("SELECT account_id FROM card");
        assertThat(bed.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ? AND account_id = ?",
                shop.id().value(), account)).isEqualTo(3);
        assertThat(bed.queryLong("SELECT COUNT(*) FROM card_merge")).isEqualTo(1);
        assertThat(bed.ledgerMatchesBalances()).isTrue();
    }

    @Test
    void aTransactionTheDatabaseRefusesEveryTimeGetsAFinalAnswerAndTheRestOfItsBatchIsApplied() {
        String card = EngineTestbed.newCard();
        PosTransaction poison = bed.coalition.txn(shop, "POISON-" + EngineTestbed.ref(), TransactionType.SALE,
                oldNode.read(card), 1_000, "EUR", CoalitionFixture.OCCURRED_AT, null);
        bed.execute("ALTER TABLE purchase ADD CONSTRAINT ck_test_poison CHECK (txn_ref NOT LIKE 'POISON-%')");

        List<TransactionOutcome> outcomes = bed.engine.applyBatch(List.of(txn(oldNode, TransactionType.SALE, card, 1_000),
                poison, txn(oldNode, TransactionType.SALE, card, 2_000)));

        assertThat(outcomes).extracting(TransactionOutcome::result)
                .containsExactly(ResultCode.APPROVED, ResultCode.CANNOT_APPLY, ResultCode.APPROVED);
        assertThat(outcomes.get(1).points()).isZero();
        assertThat(bed.balanceOf(card)).isEqualTo(30);
    }

    /**
     * What an earlier release left behind: the card re-keyed to version 2 by the job, and a second card row
     * under version 1 that a node without key 2 created meanwhile, each with its own account and points.
     */
    private void storeTwice(String card, long firstCents, long splitCents) {
        sale(oldNode, card, firstCents);
        rekey(new ArrayList<>());
        bed.execute("UPDATE card_key_state SET current_version = 1");
        sale(oldNode, card, splitCents);
        bed.execute("UPDATE card_key_state SET current_version = 2");
        assertThat(cards()).isEqualTo(2);
    }
}
