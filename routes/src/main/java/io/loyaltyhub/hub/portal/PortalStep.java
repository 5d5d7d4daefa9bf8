package io.loyaltyhub.hub.portal;

import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.ProblemResponses;
import io.loyaltyhub.hub.http.ResponseBodies;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * One portal endpoint. An expected refusal ({@link HttpProblem}) is answered as problem+json like the rest of the hub;
 * whatever the answer, it leaves with the portal's security headers.
 */
abstract class PortalStep implements Processor {
    @Override
    public final void process(Exchange exchange) throws Exception {
        try {
            handle(exchange);
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
        } finally {
            SecurityHeaders.apply(exchange.getMessage(), cacheable());
        }
    }

    abstract void handle(Exchange exchange) throws Exception;

    boolean cacheable() {
        return false;
    }

    static void html(Exchange exchange, int status, String page) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        out.setBody(ResponseBodies.whole(page.getBytes(StandardCharsets.UTF_8)));
    }

    static void json(Exchange exchange, byte[] body) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(ResponseBodies.whole(body));
    }

    static void redirect(Exchange exchange, String location, Object setCookie) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
        out.setHeader("Location", location);
        if (setCookie != null) {
            out.setHeader("Set-Cookie", setCookie);
        }
        out.setBody(ResponseBodies.whole(new byte[0]));
    }
}
