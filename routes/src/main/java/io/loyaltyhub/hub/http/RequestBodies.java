package io.loyaltyhub.hub.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Message;

/**
 * Reads the body of a request when the route asks for it — after it has authenticated the caller from the headers —
 * and never more of it than the endpoint accepts. The hub's HTTP endpoints run with {@code useBodyHandler=false}
 * ({@link HttpEdge}): Vert.x hands the route the paused request instead of a body it has already read into memory or
 * written to a temporary file. A declared {@code Content-Length} over the limit is refused before a byte is read; a
 * body that grows past the limit while it arrives is refused there (what is left of it is discarded unread, see
 * {@link UnreadBodyGuard}). A client that sent {@code Expect: 100-continue} is told to go on only now. The body lives
 * in memory only.
 */
public final class RequestBodies {
    /** How long a client may take to send a body once asked for it. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final long maxBytes;
    private final String tooLargeCode;
    private final String what;

    /**
     * @param tooLargeCode the 413 problem's code ({@code body-too-large}, {@code document-too-large})
     * @param what         what the body is, for the problem's detail ("the body", "the document")
     */
    public RequestBodies(long maxBytes, String tooLargeCode, String what) {
        this.maxBytes = maxBytes;
        this.tooLargeCode = tooLargeCode;
        this.what = what;
    }

    /** @throws HttpProblem 413 over the limit, 408 when the client stops sending, 400 when the connection breaks */
    public byte[] read(Message in) {
        Object body = in.getBody();
        if (body instanceof HttpServerRequest request) {
            return read(request);
        }
        byte[] bytes = in.getBody(byte[].class);
        if (bytes != null && bytes.length > maxBytes) {
            throw tooLarge();
        }
        return bytes == null ? new byte[0] : bytes;
    }

    private byte[] read(HttpServerRequest request) {
        if (declaredLength(request) > maxBytes) {
            throw tooLarge();
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            request.response().writeContinue();
        }
        CompletableFuture<byte[]> whole = new CompletableFuture<>();
        Buffer received = Buffer.buffer((int) Math.min(Math.max(declaredLength(request), 256), maxBytes));
        request.handler(chunk -> {
            if (whole.isDone()) {
                return;
            }
            if ((long) received.length() + chunk.length() > maxBytes) {
                whole.completeExceptionally(tooLarge());
                return;
            }
            received.appendBuffer(chunk);
        });
        request.exceptionHandler(whole::completeExceptionally);
        request.endHandler(v -> whole.complete(received.getBytes()));
        request.resume();
        try {
            return whole.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HttpProblem(408, "body-timeout", what + " did not arrive within " + READ_TIMEOUT.toSeconds() + " seconds");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpProblem problem) {
                throw problem;
            }
            throw new HttpProblem(400, "body-unreadable", what + " could not be read: the connection broke off");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(503, "not-accepted", "the hub is stopping; send it again");
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, tooLargeCode, what + " exceeds " + maxBytes + " bytes");
    }

    /** The declared Content-Length, or -1 when there is none (a chunked body, or none at all). */
    static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
