package io.loyaltyhub.hub.http;

import io.loyaltyhub.hub.config.HubSettings;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * The hub's HTTP server, and what every request meets before a route sees it:
 * <ul>
 * <li>no body is read before the route has authenticated the caller: every endpoint runs with
 * {@code useBodyHandler=false} (checked by {@link #requireRoutesReadTheirBodies} once the routes are up), so Vert.x's
 * body handler — which reads whole bodies into memory and writes multipart uploads to temporary files — never runs;
 * routes read bodies with {@link RequestBodies};</li>
 * <li>an answer sent while the body is still unread closes the connection and discards the rest
 * ({@link UnreadBodyGuard});</li>
 * <li>the server's own errors are problem+json, and a port it cannot bind fails the start ({@link HubHttpServer}).</li>
 * </ul>
 */
public final class HttpEdge {
    private HttpEdge() {
    }

    /** The server to add to the Camel context as a service, before routes are added. */
    public static VertxPlatformHttpServer server(CamelContext camel, HubSettings settings) {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost(settings.text("hub.http.host"));
        http.setBindPort(settings.integer("hub.http.port"));
        // Camel's Vert.x HTTP consumer runs every exchange on a Vert.x worker thread and holds that thread until
        // the route's answer is ready, so the worker pool bounds how many swipes can be in flight at once.
        camel.getRegistry().bind("hub-vertx-options",
                new VertxOptions().setWorkerPoolSize(settings.integer("hub.http.worker-threads")));
        VertxPlatformHttpEngine engine = new VertxPlatformHttpEngine();
        engine.setHandlers(List.of(new UnreadBodyGuard(4 * largestBody(settings))));
        camel.getRegistry().bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME, engine);
        return new HubHttpServer(http);
    }

    /** The most any endpoint reads of a body (four times that is discarded of one refused unread, then it is cut). */
    static long largestBody(HubSettings settings) {
        return Math.max(settings.integer("hub.http.max-body-bytes"), settings.integer("hub.poslog.max-document-bytes"));
    }

    /**
     * Fails the start if an HTTP endpoint would have Vert.x read its body before the route runs (a route written
     * without {@code advanced().useBodyHandler(false)}).
     */
    public static void requireRoutesReadTheirBodies(CamelContext camel) {
        PlatformHttpComponent http = camel.getComponent("platform-http", PlatformHttpComponent.class);
        List<String> reading = http.getHttpEndpoints().stream()
                .filter(e -> e.getConsumer() != null && e.getConsumer().getEndpoint() instanceof PlatformHttpEndpoint p
                        && p.isUseBodyHandler())
                .map(HttpEndpointModel::getUri)
                .collect(Collectors.toList());
        if (!reading.isEmpty()) {
            throw new IllegalStateException("HTTP endpoints " + reading + " would read bodies before authenticating: "
                    + "declare them with advanced().useBodyHandler(false) and read the body with RequestBodies");
        }
    }
}
