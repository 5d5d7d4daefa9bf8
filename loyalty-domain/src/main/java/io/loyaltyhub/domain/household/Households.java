package io.loyaltyhub.domain.household;

import io.loyaltyhub.domain.household.MemberCardStore.Account;
import io.loyaltyhub.domain.household.MemberCardStore.StoredCard;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Households (docs/households.md): a household is a member account; its cards earn into and spend from its one
 * balance. The operator links a card into a household (the card's account, with its balance, moves in), lets a
 * card leave (to an account of its own, with the points a {@link LeaveSplit} says) and merges one household into
 * another. Points move as account_move pairs, so each balance stays the sum of its ledger; each operation is one
 * database transaction and is audited in member_event with the operator who did it.
 */
public final class Households {
    private final MemberOperations operations;

    public Households(Database database, IdGenerator ids, Clock clock) {
        this.operations = new MemberOperations(database, ids, clock);
    }

    /** The household (member account) a stored card is on. */
    public long householdOf(PresentedCard card) {
        return operations.inTransaction(store -> MemberOperations.storedCard(store, card).accountId());
    }

    public HouseholdView show(long household) {
        return operations.inTransaction(store -> MemberOperations.view(store, household, 0));
    }

    /**
     * Puts the card into the household. A card on an account of its own brings its balance along (that account is
     * closed); an issued card never used is activated by this, straight into the household.
     */
    public HouseholdView link(PresentedCard card, long household, String actor) {
        return operations.inTransaction(store -> {
            StoredCard stored = store.lockCard(card);
            if (stored == null) {
                return linkNewCard(store, card, household, actor);
            }
            if ("REPLACED".equals(stored.status())) {
                throw new MemberOperationRefused(MemberRefusal.CARD_REPLACED, card.token() + " was replaced");
            }
            if (stored.accountId() == household) {
                throw new MemberOperationRefused(MemberRefusal.ALREADY_IN_HOUSEHOLD, card.token() + " is in household "
                        + household + " already");
            }
            Map<Long, Account> accounts = store.lockAccounts(stored.accountId(), household);
            Account target = openHousehold(accounts, household);
            List<StoredCard> alongside = store.lockUsableCardsOn(stored.accountId());
            if (alongside.size() > 1) {
                throw new MemberOperationRefused(MemberRefusal.CARD_IN_ANOTHER_HOUSEHOLD, card.token() + " shares household "
                        + stored.accountId() + " with " + (alongside.size() - 1) + " other card(s): let it leave first, or "
                        + "merge the households");
            }
            Account own = accounts.get(stored.accountId());
            store.movePoints(store.nextId(), own.id(), target.id(), stored.id(), "LINK", own.balance());
            store.moveAllCards(own.id(), target.id());
            store.movePersonalData(own.id(), target.id());
            store.closeAccount(own.id(), target.id());
            store.event("LINK", stored.id(), target.id(), null, own.id(), null, own.balance(), actor);
            return MemberOperations.view(store, target.id(), own.balance());
        });
    }

    private static HouseholdView linkNewCard(MemberCardStore store, PresentedCard card, long household, String actor)
            throws java.sql.SQLException {
        if (card.issuedRangeId() == null) {
            throw new MemberOperationRefused(MemberRefusal.UNKNOWN_CARD, card.token() + " is in no issued range");
        }
        openHousehold(store.lockAccounts(household), household);
        long cardId = store.newCard(MemberOperations.tokenForNewCard(store, card), card.issuedRangeId(), household);
        store.event("ACTIVATE", cardId, household, null, null, null, 0, actor);
        store.event("LINK", cardId, household, null, null, null, 0, actor);
        return MemberOperations.view(store, household, 0);
    }

    /** The card leaves its household for an account of its own, taking the points the split says. */
    public HouseholdView leave(PresentedCard card, LeaveSplit split, String actor) {
        return operations.inTransaction(store -> {
            StoredCard stored = MemberOperations.storedCard(store, card);
            if ("REPLACED".equals(stored.status())) {
                throw new MemberOperationRefused(MemberRefusal.CARD_REPLACED, card.token() + " was replaced");
            }
            Account household = store.lockAccounts(stored.accountId()).get(stored.accountId());
            List<StoredCard> cards = store.lockUsableCardsOn(household.id());
            if (cards.size() < 2) {
                throw new MemberOperationRefused(MemberRefusal.NOT_IN_HOUSEHOLD, card.token()
                        + " is the only card of its account: there is no household to leave");
            }
            long take = split.pointsFrom(household.balance(), cards.size());
            long own = store.newAccount();
            store.moveCard(stored.id(), own);
            store.movePoints(store.nextId(), household.id(), own, stored.id(), "LEAVE", take);
            store.event("LEAVE", stored.id(), household.id(), null, own, split.kind().name(), take, actor);
            return MemberOperations.view(store, own, take);
        });
    }

    /** Every card of {@code from}, its balance (also a negative one) and its personal data move into {@code into}. */
    public HouseholdView merge(long from, long into, String actor) {
        if (from == into) {
            throw new MemberOperationRefused(MemberRefusal.SAME_HOUSEHOLD, "a household cannot be merged into itself");
        }
        return operations.inTransaction(store -> {
            Map<Long, Account> accounts = store.lockAccounts(from, into);
            Account source = openHousehold(accounts, from);
            Account target = openHousehold(accounts, into);
            store.movePoints(store.nextId(), source.id(), target.id(), null, "MERGE", source.balance());
            store.moveAllCards(source.id(), target.id());
            store.movePersonalData(source.id(), target.id());
            store.closeAccount(source.id(), target.id());
            store.event("MERGE", null, target.id(), null, source.id(), null, source.balance(), actor);
            return MemberOperations.view(store, target.id(), source.balance());
        });
    }

    private static Account openHousehold(Map<Long, Account> locked, long household) {
        Account account = locked.get(household);
        if (account == null || !account.open()) {
            throw new MemberOperationRefused(MemberRefusal.UNKNOWN_HOUSEHOLD, "no open household " + household
                    + (account == null ? "" : " (it was merged into another)"));
        }
        return account;
    }
}
