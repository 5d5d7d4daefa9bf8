package io.loyaltyhub.domain.household;

import java.util.List;

/**
 * A member account as the operator sees it after an operation: its id (the household's id), balance and cards.
 * {@code pointsMoved} is what the operation moved between accounts (0 for a look).
 */
public record HouseholdView(long accountId, long balance, List<CardView> cards, long pointsMoved) {
    public HouseholdView {
        cards = List.copyOf(cards);
    }

    /** A card of the account: its id, last four digits, status (ACTIVE, BLOCKED, REPLACED) and block reason. */
    public record CardView(long cardId, String last4, String status, String reason) {
    }
}
