package io.loyaltyhub.hub.intake;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

/**
 * The intake route for channels that hold many transactions per request and submit them from their own code
 * (end-of-day files, POSLog documents, broker terminals' consumers): each transaction goes through
 * {@link IntakeRoutes#URI} like a single online swipe does, or a group of them in one exchange
 * ({@link #submitAll}: a file's lines, which the queue then stores in fewer messages).
 */
public final class CamelIntake implements SwipeGateway {
    private final ProducerTemplate producer;
    private final Endpoint intake;

    public CamelIntake(ProducerTemplate producer) {
        this.producer = producer;
        this.intake = producer.getCamelContext().getEndpoint(IntakeRoutes.URI);
    }

    @Override
    public Submitted submit(PosTransaction transaction) {
        return request(transaction, Submitted.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Submitted> submitAll(List<PosTransaction> transactions) {
        return request(List.copyOf(transactions), List.class);
    }

    private <T> T request(Object body, Class<T> answer) {
        try {
            return producer.requestBody(intake, body, answer);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
