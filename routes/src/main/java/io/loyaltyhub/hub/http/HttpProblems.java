package io.loyaltyhub.hub.http;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.poslog.PosLogDocumentException;
import io.loyaltyhub.domain.terminal.TerminalDirectoryUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * How every HTTP route answers what went wrong, declared once: an application/problem+json document with a code a
 * program can act on. The routes throw; they do not answer errors themselves.
 */
public final class HttpProblems extends RouteConfigurationBuilder {
    /** The route configuration every HTTP route names with {@code routeConfigurationId}. */
    public static final String ID = "http-problems";
    /** Every "not stored, send again" answer: soon, but not at once (an overloaded or recovering hub gets a breath). */
    public static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(HttpProblem.class).handled(true)
                    .process(e -> ProblemResponses.answer(e, caught(e, HttpProblem.class)))
                .end()
                .onException(TerminalDirectoryUnavailableException.class).handled(true)
                    .log(LoggingLevel.WARN, "terminal not authenticated: ${exception.message}")
                    .process(HttpProblems::terminalsUnavailable)
                .end()
                .onException(InputRejected.class).handled(true)
                    .process(e -> inputRejected(e, caught(e, InputRejected.class)))
                .end()
                .onException(PosLogDocumentException.class).handled(true)
                    .process(e -> documentRefused(e, caught(e, PosLogDocumentException.class)))
                .end()
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.ERROR, "${routeId}: request failed: ${exception.message}")
                    .process(e -> ProblemResponses.answer(e, 500, "internal-error",
                            "unexpected error; send the request again (a transaction already stored is answered as a "
                                    + "duplicate)"));
    }

    private static void terminalsUnavailable(Exchange exchange) {
        ProblemResponses.answer(exchange, 503, "database-unavailable", "the hub cannot check this terminal just now; send it again");
        exchange.getMessage().setHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    /** A body that cannot be read as JSON at all is a bad request (400); one that breaks a rule is unprocessable (422). */
    private static void inputRejected(Exchange exchange, InputRejected rejected) {
        String code = rejected.code();
        int status = code.startsWith("malformed") || code.startsWith("missing") || code.startsWith("unknown-field") ? 400 : 422;
        ProblemResponses.answer(exchange, status, code, rejected.getMessage());
    }

    private static void documentRefused(Exchange exchange, PosLogDocumentException refused) {
        int status = refused.reason() == PosLogDocumentException.Reason.TOO_LARGE ? 413 : 400;
        ProblemResponses.answer(exchange, status, refused.reason().code(), refused.getMessage());
    }

    private static <T extends Exception> T caught(Exchange exchange, Class<T> type) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, type);
    }
}
