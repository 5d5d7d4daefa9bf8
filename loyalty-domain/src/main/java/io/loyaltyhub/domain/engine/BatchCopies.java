package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The second messages under a reference already answered, in the database or earlier in one {@link EngineBatch}. With
 * the same content and card it is a copy: it changes nothing and gets the first answer, with the balance as it is now.
 * With other content it is refused and kept for the operator (the conflicts are written with the batch); the first
 * transaction stands.
 */
final class BatchCopies {
    private final Connection c;
    private final IdGenerator ids;
    private final LocalDateTime now;
    private final CardLookup cards;
    private final EarnCreditLog earnCredits;
    private final PointsPayments payments;
    private final List<ConflictLog.Conflict> conflicts = new ArrayList<>();

    BatchCopies(Connection c, IdGenerator ids, LocalDateTime now, CardLookup cards, EarnCreditLog earnCredits,
                PointsPayments payments) {
        this.c = c;
        this.ids = ids;
        this.now = now;
        this.cards = cards;
        this.earnCredits = earnCredits;
        this.payments = payments;
    }

    /** @param balanceOf the balance of an account as the batch has it now */
    TransactionOutcome answer(PosTransaction t, StoredPurchase earlier, LongFunction<Points> balanceOf) throws SQLException {
        CardHolder holder = cards.holderOf(t.card());
        boolean sameContent = earlier.contentDigest == null || earlier.contentDigest.equals(t.contentDigest());
        boolean sameCard = earlier.cardId != null
                ? holder != null && holder.cardId() == earlier.cardId
                : earlier.last4.equals(t.card().token().last4());
        if (!sameContent || !sameCard) {
            conflicts.add(new ConflictLog.Conflict(ids.nextId(), t, earlier.id, now));
            return TransactionOutcome.refused(ResultCode.REFERENCE_REUSED, t.card().token().last4());
        }
        // the card's account now (it may have moved into a household since), else the one the first answer was on
        Long account = holder != null ? Long.valueOf(holder.accountId()) : earlier.accountId;
        long balance = account != null ? balanceOf.apply(account).value() : earlier.balanceAfter;
        TransactionOutcome first = earlier.outcome().asDuplicateWithBalance(balance);
        if (t.type() == TransactionType.SALE && first.approved() && first.points() > 0) {
            return first.withRules(earnCredits.rulesOf(c, t.merchantId(), earlier.id));
        }
        return t.paysSale() && first.approved() ? first.withCovered(payments.coveredBy(t.merchantId(), earlier.id)) : first;
    }

    /** Keeps the refused messages for the operator (reference-conflicts). */
    void write(ConflictLog log) throws SQLException {
        log.append(c, conflicts);
    }
}
