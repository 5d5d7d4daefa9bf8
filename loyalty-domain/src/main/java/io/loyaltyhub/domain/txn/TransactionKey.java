package io.loyaltyhub.domain.txn;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;

/**
 * Idempotency key: a second message with the same key and the same content ({@link ContentDigest}) and card is a
 * copy, changes nothing and gets the first answer; with other content it is refused (reference-reused). The type
 * is part of the key because ISO 8583 reversals reuse the original's reference, and tills use one receipt number
 * for the redemption, the sale and the balance inquiry of a basket.
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
