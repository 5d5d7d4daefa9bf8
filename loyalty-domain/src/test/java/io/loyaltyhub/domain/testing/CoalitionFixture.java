package io.loyaltyhub.domain.testing;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardCatalog;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.card.Luhn;
import io.loyaltyhub.domain.card.ProgrammeCardReader;
import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A small coalition for tests: one Luhn programme (prefix 628000, 16 digits) with an issued range, and
 * merchants created on demand with one store, one terminal and a rate of 1 point per 100 minor units of EUR.
 */
public final class CoalitionFixture {
    public static final String RANGE_FIRST = "6280000000000000";
    public static final String RANGE_LAST = "6280000099999999";

    public record TestMerchant(MerchantId id, StoreId store, TerminalId terminal, TerminalCredential credential) {
    }

    /** When the fixture's transactions happened; engines in tests run on a clock shortly after it (see {@link #CLOCK}). */
    public static final OffsetDateTime OCCURRED_AT = OffsetDateTime.parse("2026-11-20T10:15:30+01:00");
    /** A clock a day after {@link #OCCURRED_AT}, so that the engine's time window holds whatever day the tests run. */
    public static final Clock CLOCK = Clock.fixed(OCCURRED_AT.toInstant().plus(java.time.Duration.ofDays(1)),
            java.time.ZoneOffset.UTC);
    public static final byte[] CARD_KEY_1 = filled(7);

    private final CoalitionAdmin admin;
    private final CardReader cards;

    public CoalitionFixture(Database database) {
        IdGenerator ids = IdGenerator.forNode(1);
        this.admin = new CoalitionAdmin(database, ids, Clock.systemUTC());
        CardProgramme programme = admin.createCardProgramme("coalition", "628000", 16, CheckDigitRule.LUHN);
        admin.issueCardRange(programme, RANGE_FIRST, RANGE_LAST);
        CardCatalog catalog = admin.loadCardCatalog();
        this.cards = new ProgrammeCardReader(() -> catalog, new CardTokenizer(CARD_KEY_1, 1));
    }

    public static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    public CoalitionAdmin admin() {
        return admin;
    }

    public CardReader cards() {
        return cards;
    }

    public TestMerchant merchant(String code) {
        MerchantId id = admin.createMerchant(code, "Merchant " + code);
        admin.setEarnRate(id, "EUR", new EarnRate(1, 100));
        StoreId store = admin.addStore(id, "S1", "Main street");
        TerminalCredential credential = admin.addTerminal(id, "S1", "T1");
        return new TestMerchant(id, store, new TerminalId(credential.terminalId()), credential);
    }

    /** A valid card number in the issued range: serial {@code n}, Luhn check digit appended. */
    public static String cardNumber(long n) {
        String body = "628000" + String.format("%09d", n);
        return body + Luhn.checkDigit(body);
    }

    public PosTransaction sale(TestMerchant m, String ref, String card, long cents) {
        return txn(m, ref, TransactionType.SALE, card, cents, null);
    }

    public PosTransaction txn(TestMerchant m, String ref, TransactionType type, String card, long cents, String original) {
        return txn(m, ref, type, cards.read(card), cents, "EUR", OCCURRED_AT, original);
    }

    /** Any transaction, with the card as an edge read it (under whichever card keys), in any currency, at any time. */
    public PosTransaction txn(TestMerchant m, String ref, TransactionType type, PresentedCard card, long cents,
                              String currency, OffsetDateTime at, String original) {
        return new PosTransaction(m.id(), m.store(), m.terminal(), new TxnRef(ref), type, card,
                Money.of(cents, currency), at, List.of(), original == null ? null : new TxnRef(original),
                type == TransactionType.REDEEM ? cents : 0, Channel.HTTP_JSON);
    }
}
