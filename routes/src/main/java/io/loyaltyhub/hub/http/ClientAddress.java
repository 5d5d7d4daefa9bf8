package io.loyaltyhub.hub.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/**
 * The address an HTTP request came from: the TCP peer. Behind a reverse proxy or load balancer that is the proxy's
 * address (the hub does not trust {@code X-Forwarded-For}); see docs/security.md on login throttling.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(Message in) {
        Object remote = in.getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        if (remote instanceof SocketAddress address && address.hostAddress() != null) {
            return address.hostAddress();
        }
        if (in.getBody() instanceof HttpServerRequest request && request.remoteAddress() != null) {
            return request.remoteAddress().hostAddress();
        }
        return "unknown";
    }
}
