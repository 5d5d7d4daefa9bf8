package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.earn.EarnRateVersion;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.OccurredAtWindow;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionKey;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One attempt at applying a batch of transactions inside one database transaction: refuse times outside the
 * accepted window, find what was already answered, look up the cards, lock the accounts and originals
 * involved, then take each transaction in order — a copy gets the first answer, other content under a used
 * reference is refused ({@link BatchCopies}), anything else is decided with {@link PointsRules} — and write purchases, ledger entries,
 * balance changes and conflicts as JDBC batches. The caller commits, or rolls back and retries. The originals that
 * voids, reversals and refunds name are kept by {@link BatchOriginals}; the answers that show the points expiring next
 * are completed by {@link NextExpiries}.
 */
final class EngineBatch {
    private final Connection c;
    private final IdGenerator ids;
    private final LocalDateTime now;
    private final OccurredAtWindow window;
    private final PurchaseJournal journal;
    private final AccountStore accounts = new AccountStore();
    private final LedgerWriter ledger = new LedgerWriter();
    private final ConflictLog conflictLog = new ConflictLog();
    private final CardLookup cards;
    private final TransactionLimits limits;
    private final TillRewards rewards;
    private final PointsPayments payments;
    private final EarnCreditLog earnCredits = new EarnCreditLog();
    private final BatchEarnRates earnRates;
    private final BatchOriginals originals;
    private final NextExpiries nextExpiries = new NextExpiries();
    private final BatchCopies copies;

    /** Every reference answered, in the database or earlier in this batch: what a later copy is compared with. */
    private final Map<TransactionKey, StoredPurchase> answered = new HashMap<>();
    private final Map<Long, Points> balances = new HashMap<>();
    private final Map<Long, Points> changes = new HashMap<>();
    private final List<NewPurchase> newPurchases = new ArrayList<>();
    private final List<NewLedgerEntry> newEntries = new ArrayList<>();

    EngineBatch(Connection c, IdGenerator ids, LocalDateTime now, OccurredAtWindow window, boolean inListUsesIndex) {
        this.c = c;
        this.journal = new PurchaseJournal(inListUsesIndex);
        this.ids = ids;
        this.now = now;
        this.window = window;
        this.cards = new CardLookup(c, accounts, ids, now);
        this.limits = new TransactionLimits(now, ids::nextId);
        this.rewards = new TillRewards(c, now);
        this.payments = new PointsPayments(c, now);
        this.earnRates = new BatchEarnRates(c);
        this.originals = new BatchOriginals(c, journal);
        this.copies = new BatchCopies(c, ids, now, cards, earnCredits, payments);
    }

    List<TransactionOutcome> run(List<PosTransaction> batch) throws SQLException {
        TransactionOutcome[] outcomes = new TransactionOutcome[batch.size()];
        List<Integer> timely = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PosTransaction t = batch.get(i);
            if (window.accepts(t.occurredAt(), now.toInstant(ZoneOffset.UTC))) {
                timely.add(i);
            } else {
                outcomes[i] = TransactionOutcome.refused(ResultCode.OCCURRED_AT_OUT_OF_RANGE, t.card().token().last4());
            }
        }
        findAnswered(batch, timely);
        cards.load(timely.stream().map(i -> batch.get(i).card()).toList());
        originals.lock(batch, timely, answered::containsKey);
        lockAccounts(batch, timely);
        limits.load(c, timely.stream().filter(i -> !answered.containsKey(batch.get(i).key())).map(batch::get).toList(),
                t -> {
                    CardHolder holder = cards.holderOf(t.card());
                    return holder == null ? null : holder.cardId();
                });
        for (int i : timely) {
            PosTransaction t = batch.get(i);
            StoredPurchase earlier = answered.get(t.key());
            outcomes[i] = earlier != null ? copies.answer(t, earlier, this::balanceOf) : decide(t);
            if (earlier == null && NextExpiries.shownWith(t) && outcomes[i].hasBalance() && !outcomes[i].result().isRefusal()) {
                CardHolder holder = cards.holderOf(t.card());
                if (holder != null) {
                    nextExpiries.note(i, holder.accountId());
                }
            }
        }
        write();
        nextExpiries.show(c, outcomes);
        return List.of(outcomes);
    }

    private void findAnswered(List<PosTransaction> batch, List<Integer> timely) throws SQLException {
        Map<MerchantId, Set<TransactionKey>> byMerchant = new LinkedHashMap<>();
        for (int i : timely) {
            TransactionKey key = batch.get(i).key();
            byMerchant.computeIfAbsent(key.merchantId(), m -> new HashSet<>()).add(key);
        }
        for (Map.Entry<MerchantId, Set<TransactionKey>> e : byMerchant.entrySet()) {
            answered.putAll(journal.findAnswered(c, e.getKey(), e.getValue()));
        }
    }

    /** Locks every account this batch may change or show: the cards', the originals', and those copies answer from. */
    private void lockAccounts(List<PosTransaction> batch, List<Integer> timely) throws SQLException {
        Set<Long> accountIds = new HashSet<>();
        Set<Long> cardAccounts = new HashSet<>();
        for (int i : timely) {
            CardHolder holder = cards.holderOf(batch.get(i).card());
            if (holder != null) {
                cardAccounts.add(holder.accountId());
            }
        }
        accountIds.addAll(cardAccounts);
        accountIds.addAll(originals.accounts());
        answered.values().stream().filter(p -> p.accountId != null).forEach(p -> accountIds.add(p.accountId));
        Set<Long> closed = new HashSet<>();
        balances.putAll(accounts.lockBalances(c, accountIds, closed));
        closed.retainAll(cardAccounts);
        if (!closed.isEmpty()) {
            // The operator moved a card of this batch into a household between the card look-up and this lock: the
            // batch runs again (contention), and then finds the card on its household.
            throw new SQLException("account(s) " + closed + " closed into a household while this batch ran", "40001");
        }
    }

    private TransactionOutcome decide(PosTransaction t) throws SQLException {
        CardHolder holder = cards.holderOf(t.card());
        long purchaseId = ids.nextId();
        if (holder == null) {
            if (t.card().issuedRangeId() == null) {
                return record(t, purchaseId, null, null, Decision.decline(ResultCode.INVALID_CARD), null, null);
            }
            if (!cards.canTellNewCards(t.card())) {
                return new TransactionOutcome(ResultCode.CARD_KEY_UNAVAILABLE, 0, TransactionOutcome.NO_BALANCE,
                        t.card().token().last4(), false);
            }
            ResultCode limited = limits.check(t, null);
            if (limited != null) {
                return record(t, purchaseId, null, null, Decision.decline(limited), null, null);
            }
            return decideForUnactivatedCard(t, purchaseId);
        }
        if (holder.isBlocked()) {
            return record(t, purchaseId, holder, holder.accountId(), Decision.decline(holder.declineCode()), null, null);
        }
        long account = holder.accountId();
        ResultCode limited = limits.check(t, holder.cardId());
        if (limited != null) {
            return record(t, purchaseId, holder, account, Decision.decline(limited), null, null);
        }
        Points balance = balanceOf(account);
        return switch (t.type()) {
            case SALE -> {
                BatchEarnRates.EarnPlan plan = earnRates.plan(t, account);
                yield earned(t, purchaseId, plan, record(t, purchaseId, holder, account, plan.decision(), null, "EARN"));
            }
            case REFUND -> t.originalTxnRef() == null
                    ? record(t, purchaseId, holder, account, PointsRules.unlinkedRefund(rate(t)), null, "REFUND")
                    : reverseLinkedRefund(t, purchaseId, holder);
            case VOID, REVERSAL -> undoOriginal(t, purchaseId, holder);
            case REDEEM -> {
                if (t.rewardCode() != null) {
                    yield redeemReward(t, purchaseId, holder, account, balance);
                }
                if (t.paysSale()) {
                    yield payWithPoints(t, purchaseId, holder, account, balance);
                }
                Decision d = PointsRules.redeem(Points.of(t.redeemPoints()), balance);
                if (d.result().approved()) {
                    limits.redeemed(t, holder.cardId(), t.redeemPoints());
                }
                yield record(t, purchaseId, holder, account, d, null, "REDEEM");
            }
            case BALANCE_INQUIRY -> record(t, purchaseId, holder, account, Decision.approveNoChange(), null, null);
        };
    }

    /**
     * A card from an issued range that has no account yet: decided as a card with a zero balance, and given an
     * account only when the decision applies something (an approved sale, see {@link TransactionType#activatesCard()}).
     */
    private TransactionOutcome decideForUnactivatedCard(PosTransaction t, long purchaseId) throws SQLException {
        return switch (t.type()) {
            case SALE -> {
                BatchEarnRates.EarnPlan plan = earnRates.plan(t, null);
                Decision d = plan.decision();
                if (!d.result().approved()) {
                    yield record(t, purchaseId, null, null, d, null, null);
                }
                CardHolder activated = cards.activate(t.card());
                if (activated == null) {
                    yield new TransactionOutcome(ResultCode.CARD_KEY_UNAVAILABLE, 0, TransactionOutcome.NO_BALANCE,
                            t.card().token().last4(), false);
                }
                limits.activated(t, activated.cardId());
                balances.put(activated.accountId(), Points.ZERO);
                yield earned(t, purchaseId, plan, record(t, purchaseId, activated, activated.accountId(), d, null, "EARN"));
            }
            case REFUND -> t.originalTxnRef() == null
                    ? record(t, purchaseId, null, null, PointsRules.unlinkedRefund(rate(t)), null, null)
                    : reverseLinkedRefund(t, purchaseId, null);
            case VOID, REVERSAL -> undoOriginal(t, purchaseId, null);
            case REDEEM -> t.rewardCode() != null ? redeemReward(t, purchaseId, null, null, Points.ZERO)
                    : t.paysSale() ? payWithPoints(t, purchaseId, null, null, Points.ZERO)
                    : record(t, purchaseId, null, null, PointsRules.redeem(Points.of(t.redeemPoints()), Points.ZERO), null, null);
            case BALANCE_INQUIRY -> record(t, purchaseId, null, null, Decision.approveNoChange(), null, null);
        };
    }

    /** A REDEEM of a catalogue reward ({@link TillRewards}); holder and account null for a card with no account yet. */
    private TransactionOutcome redeemReward(PosTransaction t, long purchaseId, CardHolder holder, Long account,
                                            Points balance) throws SQLException {
        Long cardId = holder == null ? null : holder.cardId();
        TillRewards.Taken taken = rewards.decide(t, balance, points -> limits.checkRedeemed(t, cardId, points));
        if (taken.reward() != null) {
            limits.redeemed(t, cardId, taken.reward().pricePoints());
            rewards.recordFulfilled(ids.nextId(), taken.reward(), account, cardId, t.merchantId(), purchaseId);
        }
        return record(t, purchaseId, holder, account, taken.decision(), null, account == null ? null : "REDEEM");
    }

    /** Part of a sale paid with points ({@link PointsPayments}); holder and account null for a card with no account yet. */
    private TransactionOutcome payWithPoints(PosTransaction t, long purchaseId, CardHolder holder, Long account,
                                             Points balance) throws SQLException {
        PointsPayments.Paid paid = payments.decide(t, balance);
        if (paid.covered() > 0) {
            limits.redeemed(t, holder.cardId(), paid.decision().points().negate().value());
            payments.record(t.merchantId(), purchaseId, paid, t.amount().currency().getCurrencyCode());
        }
        return record(t, purchaseId, holder, account, paid.decision(), null, account == null ? null : "REDEEM")
                .withCovered(paid.covered());
    }

    /** @param holder the card presented, null when it has no account yet */
    private TransactionOutcome reverseLinkedRefund(PosTransaction t, long purchaseId, CardHolder holder) throws SQLException {
        Long ownAccount = holder == null ? null : holder.accountId();
        StoredPurchase sale = originals.saleOf(t);
        if (sale != null && !presentsCardOf(sale, holder)) {
            return record(t, purchaseId, holder, ownAccount, Decision.decline(ResultCode.CARD_MISMATCH), null, null);
        }
        Decision d = PointsRules.reverseRefund(sale, t.amount());
        if (!d.result().approved()) {
            return record(t, purchaseId, holder, ownAccount, d, null, null);
        }
        sale.refund(t.amount(), d.points().negate());
        // the account the card is on now: a card that joined or left a household took its points' fate with it
        Long account = ownAccount != null ? ownAccount : sale.accountId;
        return record(t, purchaseId, holder, account, d, sale.id, "REFUND");
    }

    /** @param holder the card presented, null when it has no account yet */
    private TransactionOutcome undoOriginal(PosTransaction t, long purchaseId, CardHolder holder) throws SQLException {
        Long ownAccount = holder == null ? null : holder.accountId();
        StoredPurchase original = originals.undoneBy(t);
        if (original != null && !presentsCardOf(original, holder)) {
            return record(t, purchaseId, holder, ownAccount, Decision.decline(ResultCode.CARD_MISMATCH), null, null);
        }
        Decision d = PointsRules.undo(original);
        if (!d.result().approved() || !original.result.approved()) {
            return record(t, purchaseId, holder, ownAccount, d, original == null ? null : original.id, null);
        }
        original.undo();
        if (original.kind == TransactionType.REDEEM) {
            rewards.undoRedemptionOf(t.merchantId(), original.id);
        }
        if (original.kind == TransactionType.REFUND && original.originalId != null) {
            originals.restoreSaleOfVoidedRefund(t.merchantId(), original);
        }
        Long account = ownAccount != null ? ownAccount : original.accountId;
        return record(t, purchaseId, holder, account, d, original.id, t.type().name());
    }

    /**
     * A refund, void or reversal must present the card its original was made with, or the card that replaced it
     * (a shopper whose card was lost can still return what she bought with it): otherwise it would take points from
     * one member and show them on another's receipt. An original recorded with no card (declined for an unknown
     * card) has nothing to compare with.
     */
    private boolean presentsCardOf(StoredPurchase original, CardHolder holder) throws SQLException {
        return original.cardId == null || holder != null
                && (holder.cardId() == original.cardId || cards.replaced(original.cardId, holder.cardId()));
    }

    /**
     * Records the decision as a purchase row (the idempotency record of its reference) and moves the account.
     * Without an account the answer shows no balance for a card in no issued range, and 0 for an issued card
     * that has not been activated yet.
     */
    private TransactionOutcome record(PosTransaction t, long purchaseId, CardHolder holder, Long account, Decision d,
                                      Long originalId, String entryType) {
        long balanceAfter = holder == null && t.card().issuedRangeId() != null ? 0 : TransactionOutcome.NO_BALANCE;
        if (account != null) {
            Points balance = balanceOf(account).plus(d.points());
            balances.put(account, balance);
            changes.merge(account, d.points(), Points::plus);
            balanceAfter = balance.value();
            if (!d.points().isZero()) {
                newEntries.add(new NewLedgerEntry(ids.nextId(), account, t.merchantId(), purchaseId,
                        entryType, d.points(), now));
            }
        }
        Long cardId = holder == null ? null : holder.cardId();
        String digest = t.contentDigest();
        newPurchases.add(new NewPurchase(purchaseId, t, cardId, account, d.result(), d.points(), balanceAfter, originalId,
                digest, now));
        StoredPurchase stored = new StoredPurchase(purchaseId, t.terminalId(), t.txnRef(), t.type(),
                d.result(), cardId, account, t.amount(), d.points(), balanceAfter, t.card().token().last4(), originalId,
                digest, Points.ZERO, Money.zero(t.amount().currency()), false);
        answered.put(t.key(), stored);
        if (d.result().approved() && BatchOriginals.UNDOABLE.contains(t.type())) {
            originals.remember(t.merchantId(), stored);
        }
        return stored.outcome();
    }

    private void write() throws SQLException {
        journal.insert(c, newPurchases, ids::nextId);
        originals.writeTotals();
        ledger.append(c, newEntries);
        earnCredits.write(c);
        accounts.applyChanges(c, changes);
        copies.write(conflictLog);
        limits.write(c);
    }

    /** A balance this batch did not read counts as zero. */
    private Points balanceOf(long account) {
        return balances.getOrDefault(account, Points.ZERO);
    }

    /** The earn rate in force when the transaction happened (docs/rewards.md): a version, else the base rate. */
    private EarnRate rate(PosTransaction t) throws SQLException {
        EarnRateVersion version = earnRates.at(t);
        return version == null ? null : version.rate();
    }

    /** Notes which rules produced an approved sale's credit (EarnCreditLog), and names them in the answer. */
    private TransactionOutcome earned(PosTransaction t, long purchaseId, BatchEarnRates.EarnPlan plan,
                                      TransactionOutcome outcome) {
        if (!outcome.approved()) {
            return outcome;
        }
        List<String> rules = new ArrayList<>();
        plan.parts().stream().filter(p -> p.points() > 0).forEach(p -> {
            earnCredits.add(new EarnCreditLog.EarnCredit(t.merchantId(), purchaseId, p.rule(), p.points()));
            rules.add(p.rule());
        });
        rules.sort(EarnCreditLog.ANSWER_ORDER);
        return outcome.withRules(rules);
    }
}
