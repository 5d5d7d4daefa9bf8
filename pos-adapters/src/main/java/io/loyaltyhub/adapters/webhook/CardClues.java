package io.loyaltyhub.adapters.webhook;

import java.util.List;

/**
 * Where a provider's event may carry the loyalty card, in the order the hub tries them: texts that may hold the card
 * number (a custom attribute, a note), then the customer's email and phone, matched to an enrolled member who consented
 * to hear from the merchant. Holds card data: never logged ({@link #toString} shows none of it).
 */
public record CardClues(List<String> cardTexts, String email, String phone) {
    public static final CardClues NONE = new CardClues(List.of(), null, null);

    public CardClues {
        cardTexts = cardTexts.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "CardClues[" + cardTexts.size() + " text(s), email " + (email != null) + ", phone " + (phone != null) + "]";
    }
}
