package io.loyaltyhub.hub.http;

import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * Camel's Vert.x HTTP server, with two things it does not do itself: a port it cannot listen on fails the start
 * (Camel only logs the failure and the hub would report itself running while deaf), and the server's own errors are
 * answered as problem+json ({@link ServerErrors}).
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
        super.startServer();
        if (getServer() == null || getServer().actualPort() <= 0) {
            throw new IllegalStateException("HTTP cannot listen on " + host + ":" + port + " (" + whyNotListening()
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

    /** The operating system's reason, found by trying to bind the same address (Vert.x only logs its own). */
    private String whyNotListening() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
            return "the server did not start";
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
