package io.loyaltyhub.hub.http;

import io.loyaltyhub.hub.config.ListenAddress;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.Router;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * Camel's Vert.x HTTP server, with two things it does not do itself: a port it cannot listen on fails the start, and
 * the server's own errors are answered as problem+json ({@link ServerErrors}). Camel reports a failed listen only by
 * throwing on a Vert.x thread after it has let the start go on, where it is merely logged, and Vert.x then still
 * reports the configured port as its own: so the port is tried first, and the server asked afterwards whether it
 * listens.
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
        ListenAddress.requireFree("HTTP", host, port, "hub.http.port");
        super.startServer();
        if (getServer() == null || getServer().actualPort() <= 0
                || getServer() instanceof TCPServerBase server && !server.isListening()) {
            throw cannotListen("the server did not start; see the log above");
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

    private IllegalStateException cannotListen(String reason) {
        return ListenAddress.cannotListen("HTTP", host, port, reason, "hub.http.port");
    }
}
