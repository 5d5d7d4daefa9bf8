package io.loyaltyhub.hub.intake;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;

/**
 * The intake's step: hands the decoded transaction (the body) to the durable swipe queue. The body becomes the
 * {@link Submitted} handle; the transaction stays on the exchange ({@link IntakeExchange#TRANSACTION}) for the
 * channel's answer. A channel that carries many transactions per request may send a group of them (a
 * {@code List<PosTransaction>}, see {@link CamelIntake#submitAll}): the body becomes their handles, in order.
 */
final class SubmitToSwipeQueue implements Processor {
    private final SwipeGateway swipeQueue;

    SubmitToSwipeQueue(SwipeGateway swipeQueue) {
        this.swipeQueue = swipeQueue;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof List<?> group) {
            exchange.getMessage().setBody(swipeQueue.submitAll(transactions(exchange, group)));
            return;
        }
        PosTransaction transaction = exchange.getMessage().getMandatoryBody(PosTransaction.class);
        exchange.setProperty(IntakeExchange.TRANSACTION, transaction);
        Submitted submitted = swipeQueue.submit(transaction);
        exchange.getMessage().setBody(submitted);
    }

    private static List<PosTransaction> transactions(Exchange exchange, List<?> group) throws InvalidPayloadException {
        List<PosTransaction> transactions = new ArrayList<>(group.size());
        for (Object element : group) {
            if (!(element instanceof PosTransaction transaction)) {
                throw new InvalidPayloadException(exchange, PosTransaction.class);
            }
            transactions.add(transaction);
        }
        return transactions;
    }
}
