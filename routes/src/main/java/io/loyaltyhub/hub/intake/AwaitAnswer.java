package io.loyaltyhub.hub.intake;

import java.util.concurrent.CompletionStage;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * An asynchronous step: the body becomes what a future the exchange holds completes with (its failure becomes the
 * exchange's exception). The exchange waits without holding a thread, which is what lets a channel keep many
 * terminals waiting for the engine at once.
 */
public class AwaitAnswer extends AsyncProcessorSupport {

    /** The future to wait for, read off the exchange (usually its body). */
    @FunctionalInterface
    public interface Awaited {
        CompletionStage<?> of(Exchange exchange) throws Exception;
    }

    private final Awaited awaited;

    public AwaitAnswer(Awaited awaited) {
        this.awaited = awaited;
    }

    @Override
    public final boolean process(Exchange exchange, AsyncCallback callback) {
        CompletionStage<?> answer;
        try {
            answer = awaited.of(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        answer.whenComplete((body, failure) -> {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                exchange.getMessage().setBody(body);
            }
            callback.done(false);
        });
        return false;
    }
}
