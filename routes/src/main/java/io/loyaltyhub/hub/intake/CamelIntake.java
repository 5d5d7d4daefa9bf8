package io.loyaltyhub.hub.intake;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * The intake route for channels that hold many transactions per request and submit them from their own code
 * (end-of-day files, POSLog documents, broker terminals' consumers): each transaction goes through
 * {@link IntakeRoutes#URI} like a single online swipe does.
 */
public final class CamelIntake implements SwipeGateway {
    private final ProducerTemplate producer;

    public CamelIntake(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public Submitted submit(PosTransaction transaction) {
        try {
            return producer.requestBody(IntakeRoutes.URI, transaction, Submitted.class);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
