package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.MessageKind;
import io.loyaltyhub.adapters.iso8583.ResponseBuilder;
import io.loyaltyhub.adapters.iso8583.ResponseCode;
import io.loyaltyhub.domain.txn.TransactionType;

/**
 * What the terminal is told when the transaction is durably stored but the engine has not answered within
 * the listener's answer timeout. Sales, refunds, advices and reversals: approved, points pending (field 63
 * status P) — they will be applied, and telling the till "declined" would make it re-ring or reverse a
 * purchase the shopper already paid. Balance inquiries and redemptions: 96, because the till must not print
 * a balance it does not have or hand out a gift on a redemption that may yet fail; a repeat (0201) of
 * the same request later gets the engine's real answer.
 */
final class UnansweredInTime {

    private UnansweredInTime() {
    }

    static Iso8583Message answer(Iso8583Message request, MessageKind kind, TransactionType type, ResponseBuilder responses) {
        boolean needsTheEngine = !kind.isAdvice() && (type == TransactionType.BALANCE_INQUIRY || type == TransactionType.REDEEM);
        return needsTheEngine ? responses.refusal(request, ResponseCode.SYSTEM_ERROR) : responses.pending(request);
    }
}
