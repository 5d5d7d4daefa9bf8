package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cards of one engine batch. A card is looked up under its token of every card key version the edge held
 * (docs/security.md, "Card key rotation"), so a card stays known while its token is being moved to a newer
 * version. It is created, on its first applied transaction, only under the coalition's card key version
 * ({@code card_key_state}): a node that lacks that version cannot tell a new card from a known one and gets
 * {@code null} back instead, so no card is ever stored twice. A card already stored twice (by a hub of an earlier
 * release) is used under its newest version, and left for keys-rekey-cards to merge.
 */
final class CardLookup {
    private static final Logger log = LoggerFactory.getLogger(CardLookup.class);

    private final Connection c;
    private final AccountStore accounts;
    private final IdGenerator ids;
    private final LocalDateTime now;
    private final Map<String, CardHolder> byToken = new HashMap<>();
    private Integer coalitionVersion;
    private boolean coalitionVersionRead;

    CardLookup(Connection c, AccountStore accounts, IdGenerator ids, LocalDateTime now) {
        this.c = c;
        this.accounts = accounts;
        this.ids = ids;
        this.now = now;
    }

    /** Finds every stored card among these, in one query, and moves those on an older key version forward. */
    void load(Collection<PresentedCard> cards) throws SQLException {
        Set<String> tokens = new HashSet<>();
        for (PresentedCard card : cards) {
            card.allTokens().forEach(t -> tokens.add(t.hash()));
        }
        byToken.putAll(accounts.findCardsByToken(c, tokens));
        Set<Long> seen = new HashSet<>();
        for (PresentedCard card : cards) {
            CardHolder holder = holderOf(card);
            if (holder != null && seen.add(holder.cardId())) {
                warnIfStoredTwice(card, holder);
                moveToCoalitionVersion(card, holder);
            }
        }
    }

    /** The stored card presented, under its newest key version; null when it is not stored (as far as this edge can tell). */
    CardHolder holderOf(PresentedCard card) {
        return card.allTokens().stream()
                .map(t -> byToken.get(t.hash()))
                .filter(h -> h != null)
                .max(Comparator.comparingInt(CardHolder::keyVersion))
                .orElse(null);
    }

    /**
     * Whether an unknown card is really new: only when the edge tokenized it under the coalition's card key
     * version. A node that holds only older versions cannot see cards stored under the newer one.
     */
    boolean canTellNewCards(PresentedCard card) throws SQLException {
        Integer version = coalitionVersion();
        return version == null || card.tokenUnder(version) != null;
    }

    /** Creates the account and the card under the coalition's card key version; null when the edge lacks that version. */
    CardHolder activate(PresentedCard card) throws SQLException {
        Integer version = coalitionVersion();
        CardToken token = version == null ? card.token() : card.tokenUnder(version);
        if (token == null) {
            return null;
        }
        CardHolder holder = accounts.activate(c, token, card.issuedRangeId(), ids.nextId(), ids.nextId(), now);
        byToken.put(token.hash(), holder);
        return holder;
    }

    /**
     * Whether {@code card} replaced {@code original}, directly or through replacements of replacements: the card
     * that now carries the account answers for what its predecessors did.
     */
    boolean replaced(long original, long card) throws SQLException {
        Set<Long> seen = new HashSet<>();
        Long next = accounts.replacementOf(c, original);
        while (next != null && seen.add(next)) {
            if (next == card) {
                return true;
            }
            next = accounts.replacementOf(c, next);
        }
        return false;
    }

    private void warnIfStoredTwice(PresentedCard card, CardHolder used) {
        List<CardHolder> stored = card.allTokens().stream().map(t -> byToken.get(t.hash())).filter(h -> h != null)
                .filter(h -> h.cardId() != used.cardId()).distinct().toList();
        if (!stored.isEmpty()) {
            log.warn("card ****{} is stored more than once (card {} under key version {}, also {}): using card {}; run "
                    + "keys-rekey-cards to merge them", card.token().last4(), used.cardId(), used.keyVersion(),
                    stored.stream().map(h -> "card " + h.cardId() + " under key version " + h.keyVersion()).toList(),
                    used.cardId());
        }
    }

    /** A card seen under an older key version than the coalition's moves to it, if this edge tokenized it so. */
    private void moveToCoalitionVersion(PresentedCard card, CardHolder holder) throws SQLException {
        if (holder.keyVersion() >= card.token().keyVersion()) {
            return; // already under the newest version this edge knows: nothing to move to
        }
        Integer version = coalitionVersion();
        if (version == null || holder.keyVersion() >= version) {
            return;
        }
        CardToken target = card.tokenUnder(version);
        if (target == null || byToken.containsKey(target.hash())) {
            return;
        }
        accounts.rekey(c, holder.cardId(), target);
        CardHolder moved = new CardHolder(holder.cardId(), holder.accountId(), holder.status(), target.keyVersion());
        card.allTokens().forEach(t -> byToken.remove(t.hash(), holder));
        byToken.put(target.hash(), moved);
    }

    private Integer coalitionVersion() throws SQLException {
        if (!coalitionVersionRead) {
            coalitionVersion = accounts.coalitionCardKeyVersion(c);
            coalitionVersionRead = true;
        }
        return coalitionVersion;
    }
}
