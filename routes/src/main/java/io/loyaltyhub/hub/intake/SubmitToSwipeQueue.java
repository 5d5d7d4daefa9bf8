package io.loyaltyhub.hub.intake;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;

/**
 * The intake's step: hands the decoded transaction (the body) to the durable swipe queue. The body becomes the
 * {@link Submitted} handle; the transaction stays on the exchange ({@link IntakeExchange#TRANSACTION}) for the
 * channel's answer.
 */
final class SubmitToSwipeQueue implements Processor {
    private final SwipeGateway swipeQueue;

    SubmitToSwipeQueue(SwipeGateway swipeQueue) {
        this.swipeQueue = swipeQueue;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        PosTransaction transaction = exchange.getMessage().getMandatoryBody(PosTransaction.class);
        exchange.setProperty(IntakeExchange.TRANSACTION, transaction);
        Submitted submitted = swipeQueue.submit(transaction);
        exchange.getMessage().setBody(submitted);
    }
}
