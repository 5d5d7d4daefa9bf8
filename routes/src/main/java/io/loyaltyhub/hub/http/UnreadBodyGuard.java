package io.loyaltyhub.hub.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs before every route. When the answer goes out while the request still has body that nobody read (the route
 * refused the request before reading it: 401, 415, 429, or 413 by its Content-Length), the connection is closed after
 * the answer, and what the client still sends is discarded as it arrives — never kept — so that a client busy sending
 * gets to read the answer. Past {@code discardLimit} bytes the connection is closed at once instead.
 */
final class UnreadBodyGuard implements Handler<RoutingContext> {
    private final long discardLimit;

    UnreadBodyGuard(long discardLimit) {
        this.discardLimit = discardLimit;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (hasBody(request)) {
            HttpServerResponse response = context.response();
            response.headersEndHandler(v -> {
                if (!request.isEnded()) {
                    response.putHeader(HttpHeaders.CONNECTION, "close");
                    discardRest(request, response);
                }
            });
        }
        context.next();
    }

    private void discardRest(HttpServerRequest request, HttpServerResponse response) {
        if (RequestBodies.declaredLength(request) > discardLimit) {
            response.endHandler(v -> request.connection().close());
            return;
        }
        AtomicLong discarded = new AtomicLong();
        request.exceptionHandler(ignored -> { });
        request.handler(chunk -> {
            if (discarded.addAndGet(chunk.length()) > discardLimit) {
                request.connection().close();
            }
        });
        request.resume();
    }

    private static boolean hasBody(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return RequestBodies.declaredLength(request) > 0 || encoding != null && !encoding.isBlank();
    }
}
