package io.loyaltyhub.hub.iso8583;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Puts the handler's answer in the exchange without holding a thread while the engine works: the
 * netty consumer sends the body back when the callback fires. An empty answer leaves the body null,
 * which makes the listener close the connection ({@code disconnectOnNoReply}).
 */
final class Iso8583AnswerProcessor extends AsyncProcessorSupport {

    private final Iso8583RequestHandler handler;

    Iso8583AnswerProcessor(Iso8583RequestHandler handler) {
        this.handler = handler;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Iso8583Frame request = exchange.getMessage().getBody(Iso8583Frame.class);
        handler.answer(request).whenComplete((answer, failure) -> {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                exchange.getMessage().setBody(answer.map(Object.class::cast).orElse(null));
            }
            callback.done(false);
        });
        return false;
    }

}
