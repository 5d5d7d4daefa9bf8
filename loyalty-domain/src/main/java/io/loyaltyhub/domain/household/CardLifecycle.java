package io.loyaltyhub.domain.household;

import io.loyaltyhub.domain.household.MemberCardStore.StoredCard;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.time.Clock;

/**
 * A card's life after its issue (docs/households.md): the operator activates it (otherwise its first applied
 * transaction does), blocks it with a reason and unblocks it, or replaces it by a new card that takes over its
 * account (the old one is refused from then on). The engine reads a card's status in every batch, so a change
 * holds on every hub node from the next batch it applies. Each operation is one transaction, audited in member_event.
 */
public final class CardLifecycle {
    private final MemberOperations operations;

    public CardLifecycle(Database database, IdGenerator ids, Clock clock) {
        this.operations = new MemberOperations(database, ids, clock);
    }

    /** An issued card never used gets an account of its own, before its first transaction. */
    public HouseholdView activate(PresentedCard card, String actor) {
        return operations.inTransaction(store -> {
            if (store.lockCard(card) != null) {
                throw new MemberOperationRefused(MemberRefusal.CARD_ALREADY_ACTIVE, card.token() + " is active already");
            }
            if (card.issuedRangeId() == null) {
                throw new MemberOperationRefused(MemberRefusal.UNKNOWN_CARD, card.token() + " is in no issued range");
            }
            long account = store.newAccount();
            long cardId = store.newCard(MemberOperations.tokenForNewCard(store, card), card.issuedRangeId(), account);
            store.event("ACTIVATE", cardId, account, null, null, null, 0, actor);
            return MemberOperations.view(store, account, 0);
        });
    }

    public HouseholdView block(PresentedCard card, BlockReason reason, String actor) {
        return operations.inTransaction(store -> {
            StoredCard stored = usable(store, card);
            if ("BLOCKED".equals(stored.status())) {
                throw new MemberOperationRefused(MemberRefusal.ALREADY_BLOCKED, card.token() + " is blocked already ("
                        + stored.reason() + ")");
            }
            store.setCardStatus(stored.id(), "BLOCKED", reason.name(), null);
            store.event("BLOCK", stored.id(), stored.accountId(), null, null, reason.name(), 0, actor);
            return MemberOperations.view(store, stored.accountId(), 0);
        });
    }

    public HouseholdView unblock(PresentedCard card, String actor) {
        return operations.inTransaction(store -> {
            StoredCard stored = usable(store, card);
            if (!"BLOCKED".equals(stored.status())) {
                throw new MemberOperationRefused(MemberRefusal.NOT_BLOCKED, card.token() + " is not blocked");
            }
            store.setCardStatus(stored.id(), "ACTIVE", null, null);
            store.event("UNBLOCK", stored.id(), stored.accountId(), null, null, null, 0, actor);
            return MemberOperations.view(store, stored.accountId(), 0);
        });
    }

    /**
     * The new card (issued, never used) takes over the old card's account, balance and household; the old card,
     * blocked or not, is refused from then on ({@code card-replaced}).
     */
    public HouseholdView replace(PresentedCard old, PresentedCard replacement, String actor) {
        return operations.inTransaction(store -> {
            StoredCard stored = usable(store, old);
            if (store.lockCard(replacement) != null) {
                throw new MemberOperationRefused(MemberRefusal.CARD_IN_USE, replacement.token() + " is in use already");
            }
            if (replacement.issuedRangeId() == null) {
                throw new MemberOperationRefused(MemberRefusal.CARD_NOT_ISSUED, replacement.token() + " is in no issued range");
            }
            store.lockAccounts(stored.accountId());
            long newCard = store.newCard(MemberOperations.tokenForNewCard(store, replacement), replacement.issuedRangeId(),
                    stored.accountId());
            store.setCardStatus(stored.id(), "REPLACED", stored.reason(), newCard);
            store.event("REPLACE", stored.id(), stored.accountId(), newCard, null, stored.reason(), 0, actor);
            return MemberOperations.view(store, stored.accountId(), 0);
        });
    }

    /** A stored card that was not replaced. */
    private static StoredCard usable(MemberCardStore store, PresentedCard card) throws java.sql.SQLException {
        StoredCard stored = MemberOperations.storedCard(store, card);
        if ("REPLACED".equals(stored.status())) {
            throw new MemberOperationRefused(MemberRefusal.CARD_REPLACED, card.token() + " was replaced");
        }
        return stored;
    }
}
