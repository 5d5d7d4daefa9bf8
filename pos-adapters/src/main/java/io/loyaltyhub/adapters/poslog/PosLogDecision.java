package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.txn.PosTransaction;

/** What the hub does with one POSLog transaction: credit it, pass over it, or refuse it with a coded reason. */
public sealed interface PosLogDecision {

    PosLogTransaction source();

    /** Ready for the crediting path. */
    record Submit(PosLogTransaction source, PosTransaction transaction) implements PosLogDecision {
    }

    /** Nothing to credit and nothing wrong: a till event, a cancelled sale, a shopper without a loyalty card. */
    record Skip(PosLogTransaction source, String code) implements PosLogDecision {
    }

    /** Something in the transaction is wrong; {@code message} is the hub's own text and never quotes a card number. */
    record Reject(PosLogTransaction source, String code, String message) implements PosLogDecision {
    }
}
