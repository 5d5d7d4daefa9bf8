package io.loyaltyhub.hub.intake;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import org.apache.camel.Exchange;

/** What the intake leaves on an exchange for the channel's answer. */
public final class IntakeExchange {
    /** The transaction as submitted. */
    public static final String TRANSACTION = "loyaltyhub.transaction";

    private IntakeExchange() {
    }

    public static PosTransaction transaction(Exchange exchange) {
        return exchange.getProperty(TRANSACTION, PosTransaction.class);
    }

    /** The engine's verdict, once {@link AwaitVerdict} ran. */
    public static Submitted.Verdict verdict(Exchange exchange) {
        return exchange.getMessage().getBody(Submitted.Verdict.class);
    }
}
