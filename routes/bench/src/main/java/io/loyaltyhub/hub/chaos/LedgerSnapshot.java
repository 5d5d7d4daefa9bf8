package io.loyaltyhub.hub.chaos;

import java.util.Map;

/**
 * What the hub's database holds for the suite's merchant at one moment, read with the hub stopped: every
 * purchase (the idempotency record of each transaction, with its answer), the ledger entries of each purchase,
 * every member account's balance against the sum of its ledger, and which account each card belongs to.
 */
record LedgerSnapshot(Map<PurchaseKey, StoredPurchase> purchases, Map<Long, LedgerTotal> ledgerByPurchase,
                      Map<Long, AccountTotal> accounts, Map<Long, Long> accountOfCard) {

    /**
     * One stored transaction.
     *
     * @param result       the engine's result code as stored (a {@code ResultCode} name, e.g. APPROVED)
     * @param recordedAt   when the engine recorded it (epoch milliseconds)
     */
    record StoredPurchase(long id, String result, long points, Long cardId, Long accountId, long recordedAt) {
    }

    /** The ledger entries written for one purchase: how many, and their points. */
    record LedgerTotal(int entries, long points) {
    }

    /** An account's balance, and the sum of its ledger entries. */
    record AccountTotal(long balance, long ledgerPoints) {
    }

    LedgerSnapshot {
        purchases = Map.copyOf(purchases);
        ledgerByPurchase = Map.copyOf(ledgerByPurchase);
        accounts = Map.copyOf(accounts);
        accountOfCard = Map.copyOf(accountOfCard);
    }

    StoredPurchase purchase(PurchaseKey key) {
        return purchases.get(key);
    }

    LedgerTotal ledgerOf(long purchaseId) {
        return ledgerByPurchase.getOrDefault(purchaseId, new LedgerTotal(0, 0));
    }
}
