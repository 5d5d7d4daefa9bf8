package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionKey;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The originals one {@link EngineBatch} works on: the sales, redemptions and refunds its voids, reversals and linked
 * refunds name (locked once, up front), and those it approves itself (a later transaction of the batch may undo them).
 * Their running totals change as the batch refunds and undoes them, and are written back with the batch.
 */
final class BatchOriginals {
    /** What a void or reversal can undo. */
    static final List<TransactionType> UNDOABLE = List.of(TransactionType.SALE, TransactionType.REDEEM,
            TransactionType.REFUND);

    private final Connection c;
    private final PurchaseJournal journal;
    private final Map<TransactionKey, StoredPurchase> byKey = new HashMap<>();
    private final Map<Long, StoredPurchase> byId = new HashMap<>();

    BatchOriginals(Connection c, PurchaseJournal journal) {
        this.c = c;
        this.journal = journal;
    }

    /** Locks the originals named by the batch's transactions that are not yet answered. */
    void lock(List<PosTransaction> batch, List<Integer> timely, Predicate<TransactionKey> answered) throws SQLException {
        Map<MerchantId, Map<TerminalId, Set<TxnRef>>> refs = new LinkedHashMap<>();
        for (int i : timely) {
            PosTransaction t = batch.get(i);
            if (t.originalTxnRef() != null && !answered.test(t.key())) {
                refs.computeIfAbsent(t.merchantId(), m -> new LinkedHashMap<>())
                        .computeIfAbsent(t.terminalId(), x -> new HashSet<>()).add(t.originalTxnRef());
            }
        }
        for (Map.Entry<MerchantId, Map<TerminalId, Set<TxnRef>>> merchant : refs.entrySet()) {
            for (Map.Entry<TerminalId, Set<TxnRef>> terminal : merchant.getValue().entrySet()) {
                for (StoredPurchase p : journal.lockOriginals(c, merchant.getKey(), terminal.getKey(), terminal.getValue())) {
                    remember(merchant.getKey(), p);
                }
            }
        }
    }

    /** An original of this batch from now on (locked, or approved earlier in the batch). */
    void remember(MerchantId merchant, StoredPurchase p) {
        byKey.put(p.keyAt(merchant), p);
        byId.put(p.id, p);
    }

    /** The accounts of the originals, to be locked with the cards'. */
    Set<Long> accounts() {
        Set<Long> accounts = new HashSet<>();
        byId.values().stream().filter(o -> o.accountId != null).forEach(o -> accounts.add(o.accountId));
        return accounts;
    }

    /** The sale a linked refund names; null when it is not found. */
    StoredPurchase saleOf(PosTransaction refund) {
        return byKey.get(key(refund, TransactionType.SALE));
    }

    /** What a void or reversal undoes: its original sale, redemption or refund; null when none is found. */
    StoredPurchase undoneBy(PosTransaction t) {
        return UNDOABLE.stream().map(kind -> byKey.get(key(t, kind))).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Voiding a refund gives its sale back the amount and points the refund had taken off. */
    void restoreSaleOfVoidedRefund(MerchantId merchant, StoredPurchase refund) throws SQLException {
        StoredPurchase sale = byId.get(refund.originalId);
        if (sale == null) {
            sale = journal.lockById(c, merchant, refund.originalId).orElse(null);
            if (sale == null) {
                return;
            }
            remember(merchant, sale);
        }
        sale.giveBackRefund(refund);
    }

    /** Writes the originals' running totals back (after the batch's purchases are inserted). */
    void writeTotals() throws SQLException {
        Map<MerchantId, List<StoredPurchase>> byMerchant = new LinkedHashMap<>();
        byKey.forEach((k, p) -> byMerchant.computeIfAbsent(k.merchantId(), m -> new ArrayList<>()).add(p));
        for (Map.Entry<MerchantId, List<StoredPurchase>> e : byMerchant.entrySet()) {
            journal.updateTotals(c, e.getKey(), e.getValue());
        }
    }

    private static TransactionKey key(PosTransaction t, TransactionType kind) {
        return new TransactionKey(t.merchantId(), t.terminalId(), t.originalTxnRef(), kind);
    }
}
