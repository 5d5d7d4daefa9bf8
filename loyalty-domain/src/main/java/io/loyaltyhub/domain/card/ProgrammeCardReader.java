package io.loyaltyhub.domain.card;

import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.util.function.Supplier;

/**
 * Reads a card against the current catalog: shape (length + prefix), check digit, issued range, token.
 * The catalog is supplied fresh on each call so that newly issued ranges are seen without a restart.
 */
public final class ProgrammeCardReader implements CardReader {
    private final Supplier<CardCatalog> catalog;
    private final CardTokenizer tokenizer;

    public ProgrammeCardReader(Supplier<CardCatalog> catalog, CardTokenizer tokenizer) {
        this.catalog = catalog;
        this.tokenizer = tokenizer;
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
        return new PresentedCard(tokenizer.tokenize(cardNumber), rangeId);
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
