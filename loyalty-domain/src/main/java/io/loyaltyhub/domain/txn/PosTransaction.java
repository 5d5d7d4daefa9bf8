package io.loyaltyhub.domain.txn;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one canonical transaction every channel decodes to. Immutable, validated on construction,
 * card number already replaced by a token. The merchant comes from the terminal's credential.
 * {@code amount} is what was spent (zero allowed only for balance inquiries, voids, reversals and
 * redemptions); {@code redeemPoints} is how many points a REDEEM spends.
 */
public record PosTransaction(
        MerchantId merchantId,
        StoreId storeId,
        TerminalId terminalId,
        TxnRef txnRef,
        TransactionType type,
        PresentedCard card,
        Money amount,
        OffsetDateTime occurredAt,
        List<LineItem> lineItems,
        TxnRef originalTxnRef,
        long redeemPoints,
        Channel channel) {

    public PosTransaction {
        require(merchantId, "merchantId");
        require(storeId, "storeId");
        require(terminalId, "terminalId");
        require(txnRef, "txnRef");
        require(type, "type");
        require(card, "card");
        require(amount, "amount");
        require(occurredAt, "occurredAt");
        require(channel, "channel");
        lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
        if (type.carriesAmount() && amount.isZero()) {
            throw new IllegalArgumentException("amount must be greater than zero for " + type);
        }
        if (type == TransactionType.REDEEM ? redeemPoints <= 0 : redeemPoints != 0) {
            throw new IllegalArgumentException("redeemPoints must be positive for REDEEM and absent otherwise");
        }
        if (type.needsOriginal() && originalTxnRef == null) {
            throw new IllegalArgumentException("originalTxnRef is required for " + type);
        }
    }

    public TransactionKey key() {
        return new TransactionKey(merchantId, terminalId, txnRef, type);
    }

    /** See {@link ContentDigest}: equal for a copy of this transaction, different for other content under its reference. */
    public String contentDigest() {
        return ContentDigest.of(this);
    }

    /**
     * The key plus the content and the card as this node tokenized it: equal only for a true copy of this
     * transaction, so that an edge may let a copy share the first one's answer while it is in flight. Holds no
     * card number (the token is a keyed hash).
     */
    public String copyId() {
        return key().asDuplicateId() + ':' + contentDigest() + ':' + card.token().hash();
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
