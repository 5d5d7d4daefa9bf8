package io.loyaltyhub.hub.http;

import io.vertx.core.buffer.Buffer;

/**
 * Small response bodies as Vert.x buffers. The platform-http consumer writes a {@link Buffer} in one call; any other
 * byte body it converts to a stream and pumps through freshly allocated chunk buffers, which cost the HTTP swipe
 * path more CPU than the JSON it carries (seen in the benchmark's profile).
 */
public final class ResponseBodies {
    private ResponseBodies() {
    }

    public static Buffer whole(byte[] bytes) {
        return Buffer.buffer(bytes);
    }
}
