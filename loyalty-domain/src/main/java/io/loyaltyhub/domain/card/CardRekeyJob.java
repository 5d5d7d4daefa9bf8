package io.loyaltyhub.domain.card;

import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Moves every stored card to the current card key version, so that earlier versions can be retired.
 * A token is a one-way keyed hash, so it cannot be re-keyed from the stored token alone: the job walks the
 * card numbers of the issued ranges (the hub issued them, so it can enumerate them), computes each valid
 * number's token under the earlier versions, and rewrites the cards it finds — in batches, each its own
 * database transaction, so it can be stopped and run again. It stops as soon as no card is left on an
 * earlier version. Cards a swipe meets first are moved by the engine meanwhile (see {@code PresentedCard}).
 */
public final class CardRekeyJob {
    private static final int BATCH = 500;
    private static final long PROGRESS_EVERY = 1_000_000;

    private final Database database;
    private final CardTokenizer current;
    private final List<CardTokenizer> earlier;
    private final Consumer<String> progress;

    public CardRekeyJob(Database database, CardTokenizer current, List<CardTokenizer> earlier, Consumer<String> progress) {
        this.database = database;
        this.current = current;
        this.earlier = List.copyOf(earlier);
        this.progress = progress;
    }

    public record Result(long numbersExamined, long cardsRekeyed, long cardsLeft) {
    }

    /** Cards still stored under a version below the current one. */
    public long cardsOnEarlierVersions() {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM card WHERE key_version < ?")) {
            ps.setInt(1, current.keyVersion());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                c.rollback();
                return n;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count cards to re-key: " + e.getMessage(), e);
        }
    }

    public Result run(CardCatalog catalog) {
        long left = cardsOnEarlierVersions();
        progress.accept(left + " card(s) on earlier card key versions");
        long examined = 0;
        long moved = 0;
        for (CardRange range : catalog.ranges()) {
            if (left == 0) {
                break;
            }
            CardProgramme programme = catalog.programmes().stream().filter(p -> p.id() == range.programmeId()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("range " + range.id() + " has no programme"));
            progress.accept("range " + range.firstNumber().substring(0, programme.prefix().length()) + "… ("
                    + range.id() + ")");
            char[] number = range.firstNumber().toCharArray();
            List<String> batch = new ArrayList<>(BATCH);
            while (true) {
                String candidate = new String(number);
                if (programme.checkDigit().accepts(candidate)) {
                    batch.add(candidate);
                    if (batch.size() == BATCH) {
                        long n = rekey(batch);
                        batch.clear();
                        moved += n;
                        if (n > 0 && (left = cardsOnEarlierVersions()) == 0) {
                            break;
                        }
                    }
                }
                examined++;
                if (examined % PROGRESS_EVERY == 0) {
                    left = cardsOnEarlierVersions();
                    progress.accept(examined + " numbers examined, " + moved + " card(s) re-keyed, " + left + " left");
                    if (left == 0) {
                        break;
                    }
                }
                if (candidate.equals(range.lastNumber()) || !increment(number)) {
                    break;
                }
            }
            if (!batch.isEmpty()) {
                moved += rekey(batch);
            }
            left = cardsOnEarlierVersions();
        }
        progress.accept("done: " + examined + " numbers examined, " + moved + " card(s) re-keyed, " + left + " left");
        return new Result(examined, moved, left);
    }

    private long rekey(List<String> numbers) {
        Map<String, CardToken> currentByEarlier = new HashMap<>();
        for (String number : numbers) {
            CardToken now = null;
            for (CardTokenizer t : earlier) {
                CardToken old = t.tokenize(number);
                currentByEarlier.put(old.hash(), now == null ? now = current.tokenize(number) : now);
            }
        }
        if (currentByEarlier.isEmpty()) {
            return 0;
        }
        try (Connection c = database.connection()) {
            try {
                List<Long> found = new ArrayList<>();
                List<String> foundTokens = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, token FROM card WHERE key_version < ? AND token IN ("
                        + Sql.placeholders(currentByEarlier.size()) + ")")) {
                    ps.setInt(1, current.keyVersion());
                    int i = 2;
                    for (String token : currentByEarlier.keySet()) {
                        ps.setString(i++, token);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                            foundTokens.add(rs.getString(2));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE card SET token = ?, key_version = ? WHERE id = ? AND key_version < ?")) {
                    for (int i = 0; i < found.size(); i++) {
                        CardToken now = currentByEarlier.get(foundTokens.get(i));
                        ps.setString(1, now.hash());
                        ps.setInt(2, now.keyVersion());
                        ps.setLong(3, found.get(i));
                        ps.setInt(4, now.keyVersion());
                        ps.addBatch();
                    }
                    if (!found.isEmpty()) {
                        ps.executeBatch();
                    }
                }
                c.commit();
                return found.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("re-keying cards failed: " + e.getMessage(), e);
        }
    }

    /** Adds one to a decimal digit string in place; false when it overflows its length. */
    private static boolean increment(char[] digits) {
        for (int i = digits.length - 1; i >= 0; i--) {
            if (digits[i] < '9') {
                digits[i]++;
                return true;
            }
            digits[i] = '0';
        }
        return false;
    }
}
