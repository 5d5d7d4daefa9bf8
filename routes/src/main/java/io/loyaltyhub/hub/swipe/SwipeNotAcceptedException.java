package io.loyaltyhub.hub.swipe;

/** The transaction could not be made durable (the broker refused or is unreachable): nothing was accepted. */
public class SwipeNotAcceptedException extends RuntimeException {
    public SwipeNotAcceptedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether a submission failed because the transaction was not stored (directly, or wrapped by a future). */
    public static boolean isCauseOf(Throwable failure) {
        return failure instanceof SwipeNotAcceptedException || (failure != null
                && failure.getCause() instanceof SwipeNotAcceptedException);
    }
}
