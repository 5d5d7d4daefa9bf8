package io.loyaltyhub.hub.bench;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardCatalog;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.card.Luhn;
import io.loyaltyhub.domain.card.ProgrammeCardReader;
import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Households at the scale of issue 14, on the engine and the database without a hub in front (what they cost, not the
 * channels): seeds {@code cards} cards in {@code households} households (every household one card, the first ones two
 * more), then measures linking cards into households, the engine's swipes on household cards against single cards
 * (alternating runs, batches of 200 as the hub's consumer applies them) and the expiry run over every account. Prints
 * figures; asserts nothing. Run: {@code java -jar routes/bench/target/loyalty-bench.jar household-scale}
 * ({@link HouseholdScaleCommand}). It creates and
 * drops a database of its own.
 */
public final class HouseholdScale {
    private static final int BATCH = 200;
    private static final long FIRST_SERIAL = 1_000_000;
    private static final byte[] CARD_KEY = new byte[32];

    private final Database database;
    private final int cards;
    private final int households;
    private final CardTokenizer tokenizer = new CardTokenizer(CARD_KEY, 1);
    private final IdGenerator ids = IdGenerator.forNode(40);
    private ProgrammeCardReader reader;
    private MerchantId merchant;
    private StoreId store;
    private TerminalId terminal;
    private long refs;

    private HouseholdScale(Database database, int cards, int households) {
        this.database = database;
        this.cards = cards;
        this.households = households;
    }

    public static void main(String[] args) throws Exception {
        Arrays.fill(CARD_KEY, (byte) 5);
        String base = args.length > 0 ? args[0] : "jdbc:mysql://127.0.0.1:3306/";
        String user = args.length > 1 ? args[1] : "root";
        String password = args.length > 2 ? args[2] : "";
        int cards = args.length > 3 ? Integer.parseInt(args[3]) : 500_000;
        int households = args.length > 4 ? Integer.parseInt(args[4]) : 220_000;
        String name = "loyalty_household_scale_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        try (Database db = Database.open(new DatabaseConfig(base + name, user, password, 4))) {
            new HouseholdScale(db, cards, households).run();
        } finally {
            try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + name);
            }
        }
    }

    private void run() throws SQLException {
        CoalitionAdmin admin = new CoalitionAdmin(database, ids, Clock.systemUTC());
        CardProgramme programme = admin.createCardProgramme("coalition", "628000", 16, CheckDigitRule.LUHN);
        admin.issueCardRange(programme, "6280000000000000", "6280009999999999");
        CardCatalog catalog = admin.loadCardCatalog();
        reader = new ProgrammeCardReader(() -> catalog, tokenizer);
        merchant = admin.createMerchant("scale", "Scale shop", "EUR", new EarnRate(1, 100));
        store = admin.addStore(merchant, "S1", "Main street");
        TerminalCredential till = admin.addTerminal(merchant, "S1", "T1");
        terminal = new TerminalId(till.terminalId());
        long rangeId = catalog.ranges().get(0).id();

        long started = System.nanoTime();
        seed(rangeId);
        System.out.printf("seeded %,d cards in %,d households (one ledger entry each, 30 months old) in %.1f s%n", cards,
                households, seconds(started));

        measureLinks();
        measureSwipes();
        measureExpiry();
    }

    /** Card i of household h: households 0..extra-1 hold three cards, the others one. */
    private void seed(long rangeId) throws SQLException {
        int extra = (cards - households) / 2;
        LocalDateTime old = LocalDateTime.now(ZoneOffset.UTC).minusMonths(30);
        try (Connection c = database.connection();
             PreparedStatement account = c.prepareStatement("INSERT INTO member_account (id, balance, created_at, status) "
                     + "VALUES (?, 100, ?, 'OPEN')");
             PreparedStatement card = c.prepareStatement("INSERT INTO card (id, token, key_version, last4, account_id, range_id, "
                     + "status, activated_at) VALUES (?, ?, 1, ?, ?, ?, 'ACTIVE', ?)");
             PreparedStatement ledger = c.prepareStatement("INSERT INTO ledger_entry (id, account_id, merchant_id, purchase_id, "
                     + "entry_type, points, created_at) VALUES (?, ?, ?, ?, 'EARN', 100, ?)")) {
            long serial = FIRST_SERIAL;
            for (int h = 0; h < households; h++) {
                long accountId = ids.nextId();
                account.setLong(1, accountId);
                account.setObject(2, old);
                account.addBatch();
                ledger.setLong(1, ids.nextId());
                ledger.setLong(2, accountId);
                ledger.setLong(3, merchant.value());
                ledger.setLong(4, ids.nextId());
                ledger.setObject(5, old);
                ledger.addBatch();
                for (int k = 0; k < (h < extra ? 3 : 1); k++) {
                    String number = number(serial++);
                    card.setLong(1, ids.nextId());
                    card.setString(2, tokenizer.tokenize(number).hash());
                    card.setString(3, number.substring(12));
                    card.setLong(4, accountId);
                    card.setLong(5, rangeId);
                    card.setObject(6, old);
                    card.addBatch();
                }
                if (h % 2_000 == 1_999) {
                    account.executeBatch();
                    ledger.executeBatch();
                    card.executeBatch();
                    c.commit();
                }
            }
            account.executeBatch();
            ledger.executeBatch();
            card.executeBatch();
            c.commit();
        }
    }

    /**
     * How many cards each swipe run draws from: as many household cards as single cards, so that both runs touch a
     * working set of the same size (drawn from all 420,000 household cards, the household runs were a third slower on
     * a 128 MiB buffer pool for that reason alone).
     */
    private int pool() {
        int extra = (cards - households) / 2;
        return Math.min(3 * extra, households - extra - links());
    }

    /** Cards of the three-card households (household h's first card is serial FIRST_SERIAL + 3h). */
    private String householdCard(Random random) {
        return number(FIRST_SERIAL + random.nextInt(pool()));
    }

    /** Cards of the single-card households. */
    private String singleCard(Random random) {
        int extra = (cards - households) / 2;
        return number(FIRST_SERIAL + 3L * extra + random.nextInt(pool()));
    }

    private void measureLinks() {
        Households operator = new Households(database, IdGenerator.forNode(41), Clock.systemUTC());
        Random random = new Random(1);
        int links = links();
        List<Long> targets = new ArrayList<>();
        List<String> linked = new ArrayList<>();
        int extra = (cards - households) / 2;
        for (int i = 0; i < links; i++) {
            targets.add(operator.householdOf(reader.read(number(FIRST_SERIAL + 3L * random.nextInt(extra)))));
            linked.add(singleCardNotYetLinked(i));
        }
        long started = System.nanoTime();
        for (int i = 0; i < links; i++) {
            operator.link(reader.read(linked.get(i)), targets.get(i), "bench");
        }
        double took = seconds(started);
        System.out.printf("household-link: %,d links of a card with points into a household in %.2f s: %.2f ms per link, "
                + "%,.0f links/s (each one transaction, synced)%n", links, took, took * 1000 / links, links / took);
    }

    /** How many cards are linked: 2,000, or a quarter of the single cards of a smaller run. */
    private int links() {
        return Math.min(2_000, (households - (cards - households) / 2) / 4);
    }

    /** The last single-card households, kept out of the swipe runs' way. */
    private String singleCardNotYetLinked(int i) {
        int extra = (cards - households) / 2;
        return number(FIRST_SERIAL + 3L * extra + (households - extra - 1 - i));
    }

    private void measureSwipes() {
        PointsEngine engine = new PointsEngine(database, IdGenerator.forNode(42), Clock.systemUTC(), 8);
        Random random = new Random(2);
        int perRun = 20_000;
        run(engine, perRun / 4, random, true); // warm-up
        run(engine, perRun / 4, random, false);
        double[] household = new double[3];
        double[] single = new double[3];
        for (int round = 0; round < 3; round++) {
            if (round % 2 == 0) {
                household[round] = run(engine, perRun, random, true);
                single[round] = run(engine, perRun, random, false);
            } else {
                single[round] = run(engine, perRun, random, false);
                household[round] = run(engine, perRun, random, true);
            }
        }
        System.out.printf("engine swipes (sales, batches of %d, alternating runs of %,d, each kind drawn from %,d cards): "
                + "household cards %s swipes/s, single cards %s swipes/s%n", BATCH, perRun, pool(), figures(household),
                figures(single));
    }

    private double run(PointsEngine engine, int swipes, Random random, boolean householdCards) {
        long started = System.nanoTime();
        for (int done = 0; done < swipes; done += BATCH) {
            List<PosTransaction> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                String number = householdCards ? householdCard(random) : singleCard(random);
                batch.add(new PosTransaction(merchant, store, terminal, new TxnRef("hs-" + (++refs)), TransactionType.SALE,
                        reader.read(number), Money.of(1_000, "EUR"), OffsetDateTime.now(ZoneOffset.UTC), List.of(), null, 0,
                        Channel.HTTP_JSON));
            }
            for (TransactionOutcome o : engine.applyBatch(batch)) {
                if (!o.approved()) {
                    throw new IllegalStateException("a bench swipe was declined: " + o.result());
                }
            }
        }
        return swipes / seconds(started);
    }

    private void measureExpiry() {
        PointsExpiry expiry = new PointsExpiry(database, IdGenerator.forNode(43), Clock.systemUTC());
        expiry.setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(24)));
        long started = System.nanoTime();
        PointsExpiry.Result first = expiry.run(line -> { });
        double took = seconds(started);
        started = System.nanoTime();
        PointsExpiry.Result again = expiry.run(line -> { });
        double tookAgain = seconds(started);
        System.out.printf("points-expire: %,d accounts looked at, %,d points expired on %,d accounts in %.1f s; run again "
                + "(nothing left): %,d accounts looked at, %,d points in %.1f s%n", first.accountsLooked(), first.pointsExpired(),
                first.accountsExpired(), took, again.accountsLooked(), again.pointsExpired(), tookAgain);
    }

    private static String figures(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.length() == 0 ? "" : " / ").append(String.format("%,.0f", v));
        }
        return out.toString();
    }

    private static String number(long serial) {
        String body = "628000" + String.format("%09d", serial);
        return body + Luhn.checkDigit(body);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
