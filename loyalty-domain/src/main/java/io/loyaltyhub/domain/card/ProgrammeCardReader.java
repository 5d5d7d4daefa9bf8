package io.loyaltyhub.domain.card;

import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a card against the current catalog: shape (length + prefix), check digit, issued range, token.
 * The catalog is supplied fresh on each call so that newly issued ranges are seen without a restart.
 */
public final class ProgrammeCardReader implements CardReader {
    private final Supplier<CardCatalog> catalog;
    private final Supplier<List<CardTokenizer>> tokenizers;

    public ProgrammeCardReader(Supplier<CardCatalog> catalog, CardTokenizer tokenizer) {
        this(catalog, tokenizer, List.of());
    }

    /** @param earlierTokenizers tokenizers of earlier card key versions not yet retired (see {@link CardRekeyJob}) */
    public ProgrammeCardReader(Supplier<CardCatalog> catalog, CardTokenizer tokenizer, List<CardTokenizer> earlierTokenizers) {
        this(catalog, fixed(tokenizer, earlierTokenizers));
    }

    /**
     * @param tokenizers the card key versions held, newest first, asked on every read: a hub node that learns of a
     *                   new card key version while it runs tokenizes with it from then on
     */
    public ProgrammeCardReader(Supplier<CardCatalog> catalog, Supplier<List<CardTokenizer>> tokenizers) {
        this.catalog = catalog;
        this.tokenizers = tokenizers;
    }

    private static Supplier<List<CardTokenizer>> fixed(CardTokenizer current, List<CardTokenizer> earlier) {
        List<CardTokenizer> all = new java.util.ArrayList<>(earlier.size() + 1);
        all.add(current);
        all.addAll(earlier);
        List<CardTokenizer> held = List.copyOf(all);
        return () -> held;
    }

    @Override
    public PresentedCard read(CharSequence cardNumber) {
        if (cardNumber == null || !isDigits(cardNumber)) {
            throw new InvalidCardNumberException(InvalidCardNumberException.Reason.FORMAT);
        }
        CardCatalog current = catalog.get();
        CardProgramme programme = current.programmes().stream()
                .filter(p -> p.matchesShape(cardNumber))
                .findFirst()
                .orElseThrow(() -> new InvalidCardNumberException(InvalidCardNumberException.Reason.FORMAT));
        if (!programme.checkDigit().accepts(cardNumber)) {
            throw new InvalidCardNumberException(InvalidCardNumberException.Reason.CHECK_DIGIT);
        }
        Long rangeId = current.ranges().stream()
                .filter(r -> r.programmeId() == programme.id() && r.contains(cardNumber))
                .map(CardRange::id)
                .findFirst()
                .orElse(null);
        List<CardTokenizer> held = tokenizers.get();
        return new PresentedCard(held.get(0).tokenize(cardNumber), rangeId,
                held.subList(1, held.size()).stream().map(t -> t.tokenize(cardNumber)).toList());
    }

    private static boolean isDigits(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
