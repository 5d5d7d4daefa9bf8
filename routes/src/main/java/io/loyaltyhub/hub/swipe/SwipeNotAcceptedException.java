package io.loyaltyhub.hub.swipe;

/** The transaction could not be made durable (the broker refused or is unreachable): nothing was accepted. */
public class SwipeNotAcceptedException extends RuntimeException {
    public SwipeNotAcceptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
