package io.loyaltyhub.hub.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors the HTTP server answers itself, before any route: a path no endpoint serves (404), a method the endpoint
 * does not take (405, with {@code Allow}), a path or query that cannot be decoded (400, e.g. a bad percent-encoding),
 * a failure between the server and a route (500). Each is problem+json with a stable code, like the routes' own errors,
 * and none is logged with a stack trace: they are the client's mistakes (the 500 is logged with its message).
 */
final class ServerErrors {
    private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);

    private final CamelContext camel;

    private ServerErrors(CamelContext camel) {
        this.camel = camel;
    }

    static void install(Router router, CamelContext camel) {
        ServerErrors errors = new ServerErrors(camel);
        router.errorHandler(400, c -> errors.answer(c, 400, "bad-request",
                "the request's path or query cannot be decoded (check its percent-encoding)"));
        router.errorHandler(404, errors::notFound);
        router.errorHandler(405, errors::methodNotAllowed);
        router.errorHandler(413, c -> errors.answer(c, 413, "body-too-large", "the body is larger than any endpoint takes"));
        router.errorHandler(500, errors::internalError);
    }

    /**
     * While the hub stops, its routes leave the server before the server closes: a till that reaches it then hears
     * "stopping, send it again" (as the routes say while they drain), never a 404 that would make it give up.
     */
    private void notFound(RoutingContext context) {
        if (camel.getStatus().isStopping() || camel.getStatus().isStopped()) {
            context.response().putHeader("Retry-After", "1");
            answer(context, 503, "shutting-down", "the hub is stopping; send it again");
        } else {
            answer(context, 404, "not-found", "no endpoint has this path");
        }
    }

    private void methodNotAllowed(RoutingContext context) {
        String allowed = String.join(", ", allowedMethods(context.normalizedPath()));
        if (!allowed.isEmpty()) {
            context.response().putHeader("Allow", allowed);
        }
        answer(context, 405, "method-not-allowed", context.request().method().name() + " is not allowed here"
                + (allowed.isEmpty() ? "" : "; use " + allowed));
    }

    private void internalError(RoutingContext context) {
        log.error("HTTP request failed before or after its route: {}",
                context.failure() == null ? "no cause given" : context.failure().toString());
        answer(context, 500, "internal-error", "unexpected error; nothing was accepted");
    }

    /** The methods of the endpoints whose path matches, as registered by the platform-http routes. */
    Set<String> allowedMethods(String path) {
        Set<String> methods = new TreeSet<>();
        PlatformHttpComponent http = camel.getComponent("platform-http", PlatformHttpComponent.class);
        for (HttpEndpointModel endpoint : http.getHttpEndpoints()) {
            if (endpoint.getVerbs() != null && PathTemplate.matches(endpoint.getUri(), path)) {
                Arrays.stream(endpoint.getVerbs().split(",")).map(v -> v.trim().toUpperCase(Locale.ROOT))
                        .filter(v -> !v.isEmpty()).forEach(methods::add);
            }
        }
        return methods;
    }

    private void answer(RoutingContext context, int status, String code, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        if (status == 400) {
            log.debug("HTTP request refused as unreadable: {}", context.failure() == null ? "" : context.failure().getMessage());
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", ProblemResponses.PROBLEM_JSON)
                .end(ProblemResponses.body(status, code, detail).toString());
    }
}
