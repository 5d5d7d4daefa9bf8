package io.loyaltyhub.domain.testing;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fixed small data set the report expectations in docs/reports.md and the report tests are computed by hand
 * from. Period 2026-01-01 .. 2026-07-01 (exclusive). Merchant A (1 point per 1.00 EUR) has stores S1 (till T1) and
 * S2 (till T2) and eight customers c1..c8; merchant B has the SAME store and till codes and two of A's customers
 * (same cards) buying there too. Expected figures (A):
 *
 * <pre>
 * customer visits spend  points last day    R F M segment
 * c1       6      60000  600    2026-06-30  4 5 5 champions
 * c3       1      30000  300    2026-06-30  4 1 4 new          (bought at S2)
 * c4       3      24000  240    2026-03-01  2 4 4 at risk
 * c2       4      20000  200    2026-06-29  4 4 3 loyal
 * c7       2       4000   40    2026-04-20  3 2 2 potential    (one sale partly refunded, one voided)
 * c5       2       2000   20    2026-02-15  1 2 2 lost
 * c8       1       1500   15    2026-03-01  2 1 1 hibernating
 * c6       1        500    5    2026-01-05  1 1 1 lost         (plus a declined redemption)
 * </pre>
 */
public final class ReportDataSet {
    public static final String FROM = "2026-01-01";
    public static final String TO = "2026-07-01";
    /** Card serials of c1..c8 (index 1..8); c1 and c3 also shop at merchant B. */
    public static final long[] CARD_SERIALS = {0, 7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008};

    public record Till(StoreId store, TerminalId terminal) {
    }

    public record Shop(MerchantId id, String code, Till s1, Till s2, TerminalCredential t1) {
    }

    private final CoalitionAdmin admin;
    private final CardReader cards;
    private final PointsEngine engine;
    private final Database database;
    private int refs;

    public ReportDataSet(CoalitionAdmin admin, CardReader cards, PointsEngine engine, Database database) {
        this.admin = admin;
        this.cards = cards;
        this.engine = engine;
        this.database = database;
    }

    public static String card(int customer) {
        return CoalitionFixture.cardNumber(CARD_SERIALS[customer]);
    }

    /** A merchant with stores S1 and S2 and tills T1 (at S1) and T2 (at S2), 1 point per 100 cents. */
    public Shop shop(String code) {
        MerchantId id = admin.createMerchant(code, "Shop " + code);
        admin.setEarnRate(id, "EUR", new EarnRate(1, 100));
        StoreId s1 = admin.addStore(id, "S1", "High street");
        StoreId s2 = admin.addStore(id, "S2", "Station");
        TerminalCredential t1 = admin.addTerminal(id, "S1", "T1");
        TerminalCredential t2 = admin.addTerminal(id, "S2", "T2");
        return new Shop(id, code, new Till(s1, new TerminalId(t1.terminalId())), new Till(s2, new TerminalId(t2.terminalId())), t1);
    }

    /** Seeds merchant A's purchases (see the class comment) and B's overlapping ones. */
    public void seed(Shop a, Shop b) {
        for (String day : List.of("06-01", "06-10", "06-20", "06-25", "06-28", "06-30")) {
            sale(a, a.s1(), 1, "2026-" + day + "T12:00:00Z", 10_000);
        }
        sale(a, a.s1(), 1, "2025-12-31T23:59:59Z", 10_000); // before the period
        sale(a, a.s1(), 1, "2026-07-01T00:00:00Z", 10_000); // on the exclusive end: outside
        apply(a, a.s1(), TransactionType.REDEEM, 1, "2026-06-30T18:00:00+02:00", 0, null, 100);
        for (String day : List.of("05-01", "05-15", "06-01", "06-29")) {
            sale(a, a.s1(), 2, "2026-" + day + "T12:00:00Z", 5_000);
        }
        sale(a, a.s2(), 3, "2026-06-30T09:30:00+02:00", 30_000);
        for (String day : List.of("01-10", "02-10", "03-01")) {
            sale(a, a.s1(), 4, "2026-" + day + "T12:00:00Z", 8_000);
        }
        sale(a, a.s1(), 5, "2026-02-01T12:00:00Z", 1_000);
        sale(a, a.s1(), 5, "2026-02-15T12:00:00Z", 1_000);
        sale(a, a.s1(), 6, "2026-01-05T12:00:00Z", 500);
        expect(apply(a, a.s1(), TransactionType.REDEEM, 6, "2026-01-06T12:00:00Z", 0, null, 1_000),
                ResultCode.INSUFFICIENT_POINTS);
        sale(a, a.s1(), 7, "2026-04-01T12:00:00Z", 2_000);
        String refunded = sale(a, a.s1(), 7, "2026-04-20T12:00:00Z", 3_000);
        apply(a, a.s1(), TransactionType.REFUND, 7, "2026-04-21T12:00:00Z", 1_000, refunded, 0);
        String voided = sale(a, a.s1(), 7, "2026-04-25T12:00:00Z", 9_999);
        apply(a, a.s1(), TransactionType.VOID, 7, "2026-04-26T12:00:00Z", 0, voided, 0);
        sale(a, a.s1(), 8, "2026-03-01T15:00:00Z", 1_500);

        sale(b, b.s1(), 1, "2026-06-15T12:00:00Z", 70_000);
        sale(b, b.s2(), 3, "2026-06-15T13:00:00Z", 4_400);
        sale(b, b.s1(), 3, "2026-03-03T13:00:00Z", 1_200);
    }

    private String sale(Shop shop, Till till, int customer, String at, long cents) {
        return expect(apply(shop, till, TransactionType.SALE, customer, at, cents, null, 0), ResultCode.APPROVED);
    }

    private String lastRef;

    private TransactionOutcome apply(Shop shop, Till till, TransactionType type, int customer, String at, long cents,
                                     String original, long redeem) {
        lastRef = shop.code() + "-" + (++refs);
        PosTransaction txn = new PosTransaction(shop.id(), till.store(), till.terminal(), new TxnRef(lastRef), type,
                cards.read(card(customer)), Money.of(cents, "EUR"), OffsetDateTime.parse(at), List.of(),
                original == null ? null : new TxnRef(original), redeem, Channel.HTTP_JSON);
        TransactionOutcome outcome = engine.apply(txn);
        if (type != TransactionType.REDEEM || customer != 6) {
            expect(outcome, ResultCode.APPROVED);
        }
        return outcome;
    }

    private String expect(TransactionOutcome outcome, ResultCode code) {
        if (outcome.result() != code) {
            throw new IllegalStateException("data set transaction " + lastRef + " got " + outcome.result());
        }
        return lastRef;
    }

    /** The coalition account behind customer n's card (what pseudonyms and contacts are keyed by). */
    public long accountOf(int customer) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT account_id FROM card WHERE token = ?")) {
            ps.setString(1, cards.read(card(customer)).token().hash());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                c.rollback();
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
