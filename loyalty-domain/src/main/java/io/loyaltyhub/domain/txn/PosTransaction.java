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
 * redemptions); {@code redeemPoints} is how many points a REDEEM spends. A REDEEM of a catalogue reward names
 * its {@code rewardCode} instead (null otherwise): the hub knows its price, so it carries no points of its own. A REDEEM
 * that {@code paysSale} pays part of a sale of {@code amount} with its {@code redeemPoints} (docs/rewards.md).
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
        Channel channel,
        String rewardCode,
        boolean paysSale) {

    /** Reward codes as the catalogue stores them (docs/rewards.md). */
    public static final java.util.regex.Pattern REWARD_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** A transaction that names no reward. */
    public PosTransaction(MerchantId merchantId, StoreId storeId, TerminalId terminalId, TxnRef txnRef, TransactionType type,
                          PresentedCard card, Money amount, OffsetDateTime occurredAt, List<LineItem> lineItems,
                          TxnRef originalTxnRef, long redeemPoints, Channel channel) {
        this(merchantId, storeId, terminalId, txnRef, type, card, amount, occurredAt, lineItems, originalTxnRef,
                redeemPoints, channel, null, false);
    }

    /** A transaction that may name a reward, and pays no sale with points. */
    public PosTransaction(MerchantId merchantId, StoreId storeId, TerminalId terminalId, TxnRef txnRef, TransactionType type,
                          PresentedCard card, Money amount, OffsetDateTime occurredAt, List<LineItem> lineItems,
                          TxnRef originalTxnRef, long redeemPoints, Channel channel, String rewardCode) {
        this(merchantId, storeId, terminalId, txnRef, type, card, amount, occurredAt, lineItems, originalTxnRef,
                redeemPoints, channel, rewardCode, false);
    }

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
        if (rewardCode != null) {
            if (type != TransactionType.REDEEM) {
                throw new IllegalArgumentException("rewardCode belongs only to REDEEM transactions");
            }
            if (!REWARD_CODE.matcher(rewardCode).matches()) {
                throw new IllegalArgumentException("rewardCode must be 1 to 32 letters, digits, '-' or '_'");
            }
            if (redeemPoints != 0) {
                throw new IllegalArgumentException("a REDEEM of a reward carries no redeemPoints: the reward has its price");
            }
        } else if (type == TransactionType.REDEEM ? redeemPoints <= 0 : redeemPoints != 0) {
            throw new IllegalArgumentException("redeemPoints must be positive for REDEEM and absent otherwise");
        }
        if (paysSale && (type != TransactionType.REDEEM || rewardCode != null || amount.isZero())) {
            throw new IllegalArgumentException("paying a sale with points is a REDEEM of redeemPoints with the sale's amount");
        }
        if (type.needsOriginal() && originalTxnRef == null) {
            throw new IllegalArgumentException("originalTxnRef is required for " + type);
        }
    }

    /** The same transaction as it arrived on another channel. */
    public PosTransaction onChannel(Channel other) {
        return new PosTransaction(merchantId, storeId, terminalId, txnRef, type, card, amount, occurredAt, lineItems,
                originalTxnRef, redeemPoints, other, rewardCode, paysSale);
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
