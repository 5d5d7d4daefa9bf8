package io.loyaltyhub.hub.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs before every route. When the answer goes out while the request still has body that nobody read (the route
 * refused the request before reading it: 401, 415, 429, or 413 by its Content-Length), the answer says
 * {@code Connection: close}, and what the client still sends is discarded as it arrives — never kept — so that a
 * client that sends its whole body before it reads (most do) gets to read the answer. Past {@code discardLimit} bytes,
 * or {@link #DISCARD_FOR} after the answer, the connection is closed instead.
 */
final class UnreadBodyGuard implements Handler<RoutingContext> {
    static final Duration DISCARD_FOR = RequestBodies.READ_TIMEOUT;

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
                    discardRest(context.vertx(), request);
                }
            });
        }
        context.next();
    }

    private void discardRest(Vertx vertx, HttpServerRequest request) {
        AtomicLong discarded = new AtomicLong();
        long deadline = vertx.setTimer(DISCARD_FOR.toMillis(), t -> request.connection().close());
        request.exceptionHandler(ignored -> vertx.cancelTimer(deadline));
        request.endHandler(v -> vertx.cancelTimer(deadline));
        request.handler(chunk -> {
            if (discarded.addAndGet(chunk.length()) > discardLimit) {
                vertx.cancelTimer(deadline);
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
