package io.loyaltyhub.domain.txn;

import io.loyaltyhub.domain.model.CardToken;
import java.util.List;

/**
 * The card as the edge saw it, with the number already gone: its token under the current card key, the
 * tokens under earlier card key versions still held (so a card stored under an earlier version is still
 * recognised, and moved to the current version, until {@code keys-rekey-cards} has moved them all), and the
 * issued range the number fell into ({@code issuedRangeId} is null when it lies in no issued range, which
 * the engine declines as an invalid card unless the token is already known).
 */
public record PresentedCard(CardToken token, Long issuedRangeId, List<CardToken> earlierTokens) {
    public PresentedCard {
        if (token == null) {
            throw new IllegalArgumentException("card token is required");
        }
        earlierTokens = earlierTokens == null ? List.of() : List.copyOf(earlierTokens);
    }

    public PresentedCard(CardToken token, Long issuedRangeId) {
        this(token, issuedRangeId, List.of());
    }

    /** The token under every card key version the edge held: the current one first. */
    public List<CardToken> allTokens() {
        if (earlierTokens.isEmpty()) {
            return List.of(token);
        }
        List<CardToken> all = new java.util.ArrayList<>(earlierTokens.size() + 1);
        all.add(token);
        all.addAll(earlierTokens);
        return all;
    }

    /** The token under one card key version, or null when the edge did not hold that version. */
    public CardToken tokenUnder(int keyVersion) {
        for (CardToken t : allTokens()) {
            if (t.keyVersion() == keyVersion) {
                return t;
            }
        }
        return null;
    }
}
