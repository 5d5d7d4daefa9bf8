package io.loyaltyhub.domain.txn;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;

/**
 * Idempotency key: a second copy with the same key changes nothing and gets the first answer.
 * The type is part of the key because ISO 8583 reversals reuse the original's reference.
 */
public record TransactionKey(MerchantId merchantId, TerminalId terminalId, TxnRef txnRef, TransactionType type) {

    /** Broker duplicate-detection id; also the text form used in logs (it holds no card data). */
    public String asDuplicateId() {
        return merchantId.value() + ":" + terminalId.value() + ":" + txnRef.value() + ":" + type.name();
    }

    @Override
    public String toString() {
        return asDuplicateId();
    }
}
