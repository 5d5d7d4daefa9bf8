package io.loyaltyhub.domain.txn;

import io.loyaltyhub.domain.model.CardToken;

/**
 * The card as the edge saw it, with the number already gone: its token, and the issued range the
 * number fell into ({@code issuedRangeId} is null when it lies in no issued range, which the engine
 * declines as an invalid card unless the token is already known).
 */
public record PresentedCard(CardToken token, Long issuedRangeId) {
    public PresentedCard {
        if (token == null) {
            throw new IllegalArgumentException("card token is required");
        }
    }
}
