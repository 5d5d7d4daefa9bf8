package io.loyaltyhub.domain.card;

import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Moves every stored card to the current card key version, so that earlier versions can be retired.
 * First it makes the current version the coalition's ({@code card_key_state}): from then on hub nodes create new
 * cards under it, and a node that does not hold it yet refuses cards it cannot find instead of creating them
 * twice (docs/security.md, "Card key rotation"). A token is a one-way keyed hash, so it cannot be re-keyed from
 * the stored token alone: the job walks the card numbers of the issued ranges (the hub issued them, so it can
 * enumerate them), computes each valid number's token under the earlier versions, and rewrites the cards it
 * finds — in batches, each its own database transaction, so it can be stopped and run again. A card found under
 * an earlier version that is also stored under the current one (stored twice by a hub of an earlier release) is
 * merged into that one ({@link CardMerge}). It stops as soon as no card is left on an earlier version. Cards a
 * swipe meets first are moved by the engine meanwhile (see {@code PresentedCard}).
 */
public final class CardRekeyJob {
    private static final int BATCH = 500;
    private static final long PROGRESS_EVERY = 1_000_000;

    private final Database database;
    private final CardTokenizer current;
    private final List<CardTokenizer> earlier;
    private final Consumer<String> progress;
    private final IdGenerator ids;
    private final Clock clock;
    private long rekeyed;
    private long merged;

    public CardRekeyJob(Database database, CardTokenizer current, List<CardTokenizer> earlier, Consumer<String> progress,
                        IdGenerator ids, Clock clock) {
        this.database = database;
        this.current = current;
        this.earlier = List.copyOf(earlier);
        this.progress = progress;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param cardsMerged cards that were stored twice and are now one (their points added up) */
    public record Result(long numbersExamined, long cardsRekeyed, long cardsLeft, long cardsMerged) {
    }

    /** The card key version hub nodes create new cards under. */
    public int coalitionVersion() {
        try (Connection c = database.connection();
             PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT current_version FROM card_key_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            int version = rs.next() ? rs.getInt(1) : 1;
            c.rollback();
            return version;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the coalition's card key version: " + e.getMessage(), e);
        }
    }

    /** Makes the current version the one new cards are created under; never moves it back. */
    private void moveCoalitionToCurrentVersion() {
        try (Connection c = database.connection()) {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "UPDATE card_key_state SET current_version = ? WHERE id = 1 AND current_version < ?")) {
                ps.setInt(1, current.keyVersion());
                ps.setInt(2, current.keyVersion());
                if (ps.executeUpdate() == 1) {
                    progress.accept("new cards are now stored under card key version " + current.keyVersion());
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not move the coalition to card key version " + current.keyVersion()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Cards still stored under a version below the current one. */
    public long cardsOnEarlierVersions() {
        try (Connection c = database.connection();
             PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT COUNT(*) FROM card WHERE key_version < ?")) {
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
        moveCoalitionToCurrentVersion();
        long left = cardsOnEarlierVersions();
        progress.accept(left + " card(s) on earlier card key versions");
        long examined = 0;
        rekeyed = 0;
        merged = 0;
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
                        if (n > 0 && (left = cardsOnEarlierVersions()) == 0) {
                            break;
                        }
                    }
                }
                examined++;
                if (examined % PROGRESS_EVERY == 0) {
                    left = cardsOnEarlierVersions();
                    progress.accept(examined + " numbers examined, " + rekeyed + " card(s) re-keyed, " + left + " left");
                    if (left == 0) {
                        break;
                    }
                }
                if (candidate.equals(range.lastNumber()) || !increment(number)) {
                    break;
                }
            }
            if (!batch.isEmpty()) {
                rekey(batch);
            }
            left = cardsOnEarlierVersions();
        }
        progress.accept("done: " + examined + " numbers examined, " + rekeyed + " card(s) re-keyed, " + merged
                + " card(s) stored twice merged, " + left + " left");
        return new Result(examined, rekeyed, left, merged);
    }

    /** @return the cards moved or merged from this batch of numbers */
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
                List<CardMerge.StoredCard> found = new ArrayList<>();
                List<String> foundTokens = new ArrayList<>();
                try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, token, account_id FROM card WHERE key_version < ? "
                        + "AND token IN (" + Sql.placeholders(currentByEarlier.size()) + ") ORDER BY key_version DESC, id")) {
                    ps.setInt(1, current.keyVersion());
                    int i = 2;
                    for (String token : currentByEarlier.keySet()) {
                        ps.setString(i++, token);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new CardMerge.StoredCard(rs.getLong(1), rs.getLong(3)));
                            foundTokens.add(rs.getString(2));
                        }
                    }
                }
                Map<String, CardMerge.StoredCard> underCurrent = cardsUnder(c,
                        foundTokens.stream().map(t -> currentByEarlier.get(t).hash()).distinct().toList());
                CardMerge merge = new CardMerge(ids, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                long handled = 0;
                try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                        "UPDATE card SET token = ?, key_version = ? WHERE id = ? AND key_version < ?")) {
                    for (int i = 0; i < found.size(); i++) {
                        CardToken now = currentByEarlier.get(foundTokens.get(i));
                        CardMerge.StoredCard card = found.get(i);
                        CardMerge.StoredCard kept = underCurrent.get(now.hash());
                        if (kept != null) {
                            long points = merge.merge(c, kept, card);
                            merged++;
                            handled++;
                            progress.accept("card ****" + now.last4() + " was stored twice: card " + card.cardId()
                                    + " merged into card " + kept.cardId() + " (" + points + " point(s) moved)");
                            continue;
                        }
                        ps.setString(1, now.hash());
                        ps.setInt(2, now.keyVersion());
                        ps.setLong(3, card.cardId());
                        ps.setInt(4, now.keyVersion());
                        ps.executeUpdate();
                        underCurrent.put(now.hash(), card);
                        rekeyed++;
                        handled++;
                    }
                }
                c.commit();
                return handled;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("re-keying cards failed: " + e.getMessage(), e);
        }
    }

    /** Cards already stored under these current-version tokens. */
    private static Map<String, CardMerge.StoredCard> cardsUnder(Connection c, List<String> tokens) throws SQLException {
        Map<String, CardMerge.StoredCard> cards = new HashMap<>();
        if (tokens.isEmpty()) {
            return cards;
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT token, id, account_id FROM card WHERE token IN ("
                + Sql.placeholders(tokens.size()) + ")")) {
            int i = 1;
            for (String token : tokens) {
                ps.setString(i++, token);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cards.put(rs.getString(1), new CardMerge.StoredCard(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return cards;
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
