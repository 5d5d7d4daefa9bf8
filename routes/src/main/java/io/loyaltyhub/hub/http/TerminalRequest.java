package io.loyaltyhub.hub.http;

import io.loyaltyhub.domain.terminal.TerminalIdentity;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The steps every HTTP endpoint terminals post to starts with, in this order: who is calling (before anything of the
 * body is read), the body within its limit, and its signature.
 */
public final class TerminalRequest {
    /** The authenticated terminal. */
    public static final String TERMINAL = "loyaltyhub.terminal";

    private TerminalRequest() {
    }

    public static TerminalIdentity terminal(Exchange exchange) {
        return exchange.getProperty(TERMINAL, TerminalIdentity.class);
    }

    /** Authenticates the terminal from its Authorization header (HTTP Basic, throttled). */
    public static Processor authenticateTerminal(TerminalAuthenticator authenticator) {
        return exchange -> exchange.setProperty(TERMINAL, authenticator.authenticate(exchange.getMessage()));
    }

    /**
     * Reads the body (as bytes) now that the terminal is authenticated, never beyond the limit, after checking its
     * media type (see {@link RequestBodies}).
     *
     * @param mediaType the one media type the endpoint takes
     * @param wrongTypeDetail what a terminal sending another one is told
     * @param emptyBody the problem an empty body is, or null when an empty body is for the decoder to judge
     */
    public static Processor readBody(RequestBodies bodies, java.util.function.Predicate<String> mediaType, String wrongTypeDetail,
                                     java.util.function.Supplier<HttpProblem> emptyBody) {
        return exchange -> {
            MediaTypes.require(exchange.getMessage(), mediaType, wrongTypeDetail);
            byte[] body = bodies.read(exchange.getMessage());
            if (body.length == 0 && emptyBody != null) {
                throw emptyBody.get();
            }
            exchange.getMessage().setBody(body);
        };
    }

    /** Checks the request's signature, if the terminal signs or must (see {@link RequestSignatureCheck}). */
    public static Processor checkSignature(RequestSignatureCheck signatures, String method, String path) {
        return exchange -> signatures.check(terminal(exchange), method, path,
                name -> exchange.getMessage().getHeader(name, String.class), exchange.getMessage().getBody(byte[].class));
    }
}
