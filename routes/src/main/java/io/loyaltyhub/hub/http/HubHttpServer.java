package io.loyaltyhub.hub.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * Camel's Vert.x HTTP server, with two things it does not do itself: a port it cannot listen on fails the start
 * (Camel throws the failure on a Vert.x thread, where it is only logged, and the hub would report itself running while
 * deaf), and the server's own errors are answered as problem+json ({@link ServerErrors}).
 */
final class HubHttpServer extends VertxPlatformHttpServer {
    private final String host;
    private final int port;

    HubHttpServer(VertxPlatformHttpServerConfiguration configuration) {
        super(configuration);
        this.host = configuration.getBindHost();
        this.port = configuration.getBindPort();
    }

    @Override
    protected void startServer() throws Exception {
        Vertx vertx = getVertx();
        Handler<Throwable> previous = vertx.exceptionHandler();
        AtomicReference<Throwable> listenFailure = new AtomicReference<>();
        vertx.exceptionHandler(failure -> {
            if (!listenFailure.compareAndSet(null, failure) && previous != null) {
                previous.handle(failure);
            }
        });
        try {
            super.startServer();
        } finally {
            vertx.exceptionHandler(previous);
        }
        boolean listening = getServer() != null && getServer().actualPort() > 0 && (port == 0 || getServer().actualPort() == port);
        if (listenFailure.get() != null || !listening) {
            throw new IllegalStateException("HTTP cannot listen on " + host + ":" + port + " (" + reason(listenFailure.get())
                    + "); is another process using the port? Change it with hub.http.port");
        }
        // Both the server's router and Camel's sub-router under it: a failure while matching a route (a query that
        // cannot be decoded, on a path with parameters) is answered by the sub-router's own error handlers.
        if (getServer().requestHandler() instanceof Router router) {
            ServerErrors.install(router, getCamelContext());
        }
        for (VertxPlatformHttpRouter router : getCamelContext().getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            ServerErrors.install(router, getCamelContext());
        }
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        return root == null ? "the server did not start" : root.getMessage();
    }
}
