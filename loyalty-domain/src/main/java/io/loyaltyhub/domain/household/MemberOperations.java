package io.loyaltyhub.domain.household;

import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.Sql;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Runs one operator operation as one database transaction: all of it is committed (durably), or nothing. A
 * deadlock or lock time-out against the engine's batches runs it again, a few times; a refusal rolls it back.
 */
final class MemberOperations {
    private static final int ATTEMPTS = 5;

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    MemberOperations(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    interface Work<T> {
        T run(MemberCardStore store) throws SQLException;
    }

    <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = database.connection()) {
                try {
                    T result = work.run(new MemberCardStore(c, ids, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
                    database.commitDurably(c);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!Sql.isRetryable(e)) {
                    throw new IllegalStateException("the database refused the operation: " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw new IllegalStateException("the operation met concurrent changes " + ATTEMPTS + " times; try it again", last);
    }

    /** The card as stored; a refusal naming why when it is not stored. */
    static MemberCardStore.StoredCard storedCard(MemberCardStore store, PresentedCard card) throws SQLException {
        MemberCardStore.StoredCard stored = store.lockCard(card);
        if (stored == null) {
            if (card.issuedRangeId() == null) {
                throw new MemberOperationRefused(MemberRefusal.UNKNOWN_CARD, card.token() + " is in no issued range");
            }
            throw new MemberOperationRefused(MemberRefusal.CARD_NOT_ACTIVATED, card.token() + " has not been activated");
        }
        return stored;
    }

    /** The token a new card is stored under: the coalition's card key version (as the engine's activation does). */
    static CardToken tokenForNewCard(MemberCardStore store, PresentedCard card) throws SQLException {
        Integer version = store.coalitionCardKeyVersion();
        CardToken token = version == null ? card.token() : card.tokenUnder(version);
        if (token == null) {
            throw new MemberOperationRefused(MemberRefusal.CARD_KEY_UNAVAILABLE, "this hub does not hold card key version "
                    + version + ", which new cards are stored under");
        }
        return token;
    }

    static HouseholdView view(MemberCardStore store, long accountId, long pointsMoved) throws SQLException {
        MemberCardStore.Account account = store.account(accountId);
        if (account == null) {
            throw new MemberOperationRefused(MemberRefusal.UNKNOWN_HOUSEHOLD, "no household " + accountId);
        }
        List<HouseholdView.CardView> cards = store.cardsOn(accountId).stream()
                .map(k -> new HouseholdView.CardView(k.id(), k.last4(), k.status(), k.reason())).toList();
        return new HouseholdView(accountId, account.balance(), cards, pointsMoved);
    }
}
