package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionKey;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One attempt at applying a batch of transactions inside one database transaction: find what was
 * already answered, activate first-time cards, lock the accounts and originals involved, decide each
 * transaction in order with {@link PointsRules}, then write purchases, ledger entries and balance
 * changes as JDBC batches. The caller commits, or rolls back and retries.
 */
final class EngineBatch {
    private static final List<TransactionType> UNDOABLE = List.of(TransactionType.SALE, TransactionType.REDEEM,
            TransactionType.REFUND);

    private final Connection c;
    private final IdGenerator ids;
    private final LocalDateTime now;
    private final PurchaseJournal journal;
    private final AccountStore accounts = new AccountStore();
    private final LedgerWriter ledger = new LedgerWriter();
    private final EarnRuleStore earnRules = new EarnRuleStore();

    private final Map<String, CardHolder> holders = new HashMap<>();
    private final Map<TransactionKey, StoredPurchase> originalsByKey = new HashMap<>();
    private final Map<Long, StoredPurchase> originalsById = new HashMap<>();
    private final Map<MerchantId, Map<String, EarnRate>> rates = new HashMap<>();
    private final Map<Long, Long> balances = new HashMap<>();
    private final Map<Long, Long> changes = new HashMap<>();
    private final List<NewPurchase> newPurchases = new ArrayList<>();
    private final List<NewLedgerEntry> newEntries = new ArrayList<>();

    EngineBatch(Connection c, IdGenerator ids, LocalDateTime now, boolean inListUsesIndex) {
        this.c = c;
        this.journal = new PurchaseJournal(inListUsesIndex);
        this.ids = ids;
        this.now = now;
    }

    List<TransactionOutcome> run(List<PosTransaction> batch) throws SQLException {
        TransactionOutcome[] outcomes = new TransactionOutcome[batch.size()];
        Map<TransactionKey, Integer> firstCopy = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            firstCopy.putIfAbsent(batch.get(i).key(), i);
        }
        List<Integer> fresh = answerKnownCopies(batch, firstCopy, outcomes);
        resolveCards(batch, fresh);
        lockOriginals(batch, fresh);
        lockAccounts(batch, fresh);
        for (int i : fresh) {
            outcomes[i] = decide(batch.get(i));
        }
        write();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == null) {
                outcomes[i] = outcomes[firstCopy.get(batch.get(i).key())].asDuplicate();
            }
        }
        return List.of(outcomes);
    }

    /** Copies of transactions answered in an earlier batch get that answer; the rest are fresh. */
    private List<Integer> answerKnownCopies(List<PosTransaction> batch, Map<TransactionKey, Integer> firstCopy,
                                            TransactionOutcome[] outcomes) throws SQLException {
        Map<MerchantId, List<TransactionKey>> byMerchant = new LinkedHashMap<>();
        firstCopy.keySet().forEach(k -> byMerchant.computeIfAbsent(k.merchantId(), m -> new ArrayList<>()).add(k));
        Map<TransactionKey, StoredPurchase> answered = new HashMap<>();
        for (Map.Entry<MerchantId, List<TransactionKey>> e : byMerchant.entrySet()) {
            answered.putAll(journal.findAnswered(c, e.getKey(), e.getValue()));
        }
        List<Integer> fresh = new ArrayList<>();
        for (Map.Entry<TransactionKey, Integer> e : firstCopy.entrySet()) {
            StoredPurchase earlier = answered.get(e.getKey());
            if (earlier != null) {
                outcomes[e.getValue()] = earlier.outcome().asDuplicate();
            } else {
                fresh.add(e.getValue());
            }
        }
        fresh.sort(Integer::compare);
        return fresh;
    }

    private void resolveCards(List<PosTransaction> batch, List<Integer> fresh) throws SQLException {
        Set<String> tokens = new HashSet<>();
        Map<String, CardToken> currentByEarlier = new HashMap<>();
        for (int i : fresh) {
            PresentedCard card = batch.get(i).card();
            tokens.add(card.token().hash());
            for (CardToken earlier : card.earlierTokens()) {
                tokens.add(earlier.hash());
                currentByEarlier.put(earlier.hash(), card.token());
            }
        }
        for (Map.Entry<String, CardHolder> found : accounts.findCardsByToken(c, tokens).entrySet()) {
            CardToken current = currentByEarlier.get(found.getKey());
            if (current == null) {
                holders.put(found.getKey(), found.getValue());
            } else if (holders.putIfAbsent(current.hash(), found.getValue()) == null) {
                // Stored under an earlier card key version: move it to the current one as it is seen.
                accounts.rekey(c, found.getValue().cardId(), current);
            }
        }
        for (int i : fresh) {
            PosTransaction t = batch.get(i);
            String token = t.card().token().hash();
            if (!holders.containsKey(token) && t.card().issuedRangeId() != null) {
                holders.put(token, accounts.activate(c, t.card().token(), t.card().issuedRangeId(), ids.nextId(),
                        ids.nextId(), now));
            }
        }
    }

    private void lockOriginals(List<PosTransaction> batch, List<Integer> fresh) throws SQLException {
        Map<MerchantId, Map<Long, Set<String>>> refs = new LinkedHashMap<>();
        for (int i : fresh) {
            PosTransaction t = batch.get(i);
            if (t.originalTxnRef() != null) {
                refs.computeIfAbsent(t.merchantId(), m -> new LinkedHashMap<>())
                        .computeIfAbsent(t.terminalId().value(), x -> new HashSet<>()).add(t.originalTxnRef().value());
            }
        }
        for (Map.Entry<MerchantId, Map<Long, Set<String>>> merchant : refs.entrySet()) {
            for (Map.Entry<Long, Set<String>> terminal : merchant.getValue().entrySet()) {
                for (StoredPurchase p : journal.lockOriginals(c, merchant.getKey(), terminal.getKey(), terminal.getValue())) {
                    remember(merchant.getKey(), p);
                }
            }
        }
    }

    private void lockAccounts(List<PosTransaction> batch, List<Integer> fresh) throws SQLException {
        Set<Long> accountIds = new HashSet<>();
        for (int i : fresh) {
            CardHolder holder = holders.get(batch.get(i).card().token().hash());
            if (holder != null) {
                accountIds.add(holder.accountId());
            }
        }
        originalsById.values().stream().filter(o -> o.accountId != null).forEach(o -> accountIds.add(o.accountId));
        balances.putAll(accounts.lockBalances(c, accountIds));
    }

    private TransactionOutcome decide(PosTransaction t) throws SQLException {
        CardHolder holder = holders.get(t.card().token().hash());
        long purchaseId = ids.nextId();
        if (holder == null) {
            return record(t, purchaseId, null, null, Decision.decline(ResultCode.INVALID_CARD), null, null);
        }
        if (holder.isBlocked()) {
            return record(t, purchaseId, holder, holder.accountId(), Decision.decline(ResultCode.CARD_BLOCKED), null, null);
        }
        long account = holder.accountId();
        long balance = balances.getOrDefault(account, 0L);
        return switch (t.type()) {
            case SALE -> record(t, purchaseId, holder, account, PointsRules.creditSale(rate(t), t.amount().minorUnits()),
                    null, "EARN");
            case REFUND -> t.originalTxnRef() == null
                    ? record(t, purchaseId, holder, account,
                            PointsRules.reverseUnlinkedRefund(rate(t), t.amount().minorUnits(), balance), null, "REFUND")
                    : reverseLinkedRefund(t, purchaseId, holder);
            case VOID, REVERSAL -> undoOriginal(t, purchaseId, holder);
            case REDEEM -> record(t, purchaseId, holder, account, PointsRules.redeem(t.redeemPoints(), balance), null,
                    "REDEEM");
            case BALANCE_INQUIRY -> record(t, purchaseId, holder, account, Decision.approve(0), null, null);
        };
    }

    private TransactionOutcome reverseLinkedRefund(PosTransaction t, long purchaseId, CardHolder holder) {
        StoredPurchase sale = originalsByKey.get(originalKey(t, TransactionType.SALE));
        Decision d = PointsRules.reverseRefund(sale, t.amount().minorUnits(), t.amount().currency().getCurrencyCode());
        if (!d.result().approved()) {
            return record(t, purchaseId, holder, holder.accountId(), d, null, null);
        }
        sale.pointsReversed -= d.points();
        sale.amountRefunded += t.amount().minorUnits();
        sale.changed = true;
        long account = sale.accountId != null ? sale.accountId : holder.accountId();
        return record(t, purchaseId, holder, account, d, sale.id, "REFUND");
    }

    private TransactionOutcome undoOriginal(PosTransaction t, long purchaseId, CardHolder holder) throws SQLException {
        StoredPurchase original = UNDOABLE.stream()
                .map(kind -> originalsByKey.get(originalKey(t, kind)))
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
        Decision d = PointsRules.undo(original);
        if (!d.result().approved() || !original.result.approved()) {
            return record(t, purchaseId, holder, holder.accountId(), d, original == null ? null : original.id, null);
        }
        original.pointsReversed = original.points;
        original.voided = true;
        original.changed = true;
        if (original.kind == TransactionType.REFUND && original.originalId != null) {
            restoreSaleOfVoidedRefund(t.merchantId(), original);
        }
        long account = original.accountId != null ? original.accountId : holder.accountId();
        return record(t, purchaseId, holder, account, d, original.id, t.type().name());
    }

    /** Voiding a refund gives its sale back the amount and points the refund had taken off. */
    private void restoreSaleOfVoidedRefund(MerchantId merchant, StoredPurchase refund) throws SQLException {
        StoredPurchase sale = originalsById.get(refund.originalId);
        if (sale == null) {
            sale = journal.lockById(c, merchant, refund.originalId).orElse(null);
            if (sale == null) {
                return;
            }
            remember(merchant, sale);
        }
        sale.pointsReversed += refund.points; // refund points are negative
        sale.amountRefunded -= refund.amountMinor;
        sale.changed = true;
    }

    private TransactionOutcome record(PosTransaction t, long purchaseId, CardHolder holder, Long account, Decision d,
                                      Long originalId, String entryType) {
        long balanceAfter = TransactionOutcome.NO_BALANCE;
        if (account != null) {
            long balance = balances.getOrDefault(account, 0L) + d.points();
            balances.put(account, balance);
            changes.merge(account, d.points(), Long::sum);
            balanceAfter = balance;
            if (d.points() != 0) {
                newEntries.add(new NewLedgerEntry(ids.nextId(), account, t.merchantId().value(), purchaseId,
                        entryType, d.points(), now));
            }
        }
        newPurchases.add(new NewPurchase(purchaseId, t, holder == null ? null : holder.cardId(), account, d.result(),
                d.points(), balanceAfter, originalId, now));
        if (d.result().approved() && UNDOABLE.contains(t.type())) {
            remember(t.merchantId(), new StoredPurchase(purchaseId, t.terminalId().value(), t.txnRef().value(),
                    t.type(), d.result(), account, t.amount().minorUnits(), t.amount().currency().getCurrencyCode(),
                    d.points(), balanceAfter, t.card().token().last4(), originalId, 0, 0, false));
        }
        return new TransactionOutcome(d.result(), d.points(), balanceAfter, t.card().token().last4(), false);
    }

    private void write() throws SQLException {
        journal.insert(c, newPurchases, ids::nextId);
        Map<MerchantId, List<StoredPurchase>> changedByMerchant = new LinkedHashMap<>();
        originalsByKey.forEach((k, p) -> changedByMerchant.computeIfAbsent(k.merchantId(), m -> new ArrayList<>()).add(p));
        for (Map.Entry<MerchantId, List<StoredPurchase>> e : changedByMerchant.entrySet()) {
            journal.updateTotals(c, e.getKey(), e.getValue());
        }
        ledger.append(c, newEntries);
        accounts.applyChanges(c, changes);
    }

    private EarnRate rate(PosTransaction t) throws SQLException {
        Map<String, EarnRate> merchantRates = rates.get(t.merchantId());
        if (merchantRates == null) {
            merchantRates = earnRules.ratesOf(c, t.merchantId());
            rates.put(t.merchantId(), merchantRates);
        }
        return merchantRates.get(t.amount().currency().getCurrencyCode());
    }

    private void remember(MerchantId merchant, StoredPurchase p) {
        originalsByKey.put(new TransactionKey(merchant, new io.loyaltyhub.domain.model.TerminalId(p.terminalId),
                new io.loyaltyhub.domain.model.TxnRef(p.txnRef), p.kind), p);
        originalsById.put(p.id, p);
    }

    private static TransactionKey originalKey(PosTransaction t, TransactionType kind) {
        return new TransactionKey(t.merchantId(), t.terminalId(), t.originalTxnRef(), kind);
    }
}
