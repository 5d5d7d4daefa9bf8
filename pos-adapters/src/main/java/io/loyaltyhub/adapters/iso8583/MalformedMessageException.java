package io.loyaltyhub.adapters.iso8583;

import java.util.Optional;

/**
 * A frame that is not a well-formed message of the dialect. Carries the MTI when it was readable (so the
 * hub can still answer with response code 30) and the few identifying fields parsed before the fault, so
 * the terminal can match the answer to its request. The message text names a field number and a rule,
 * never field content.
 */
public class MalformedMessageException extends Exception {

    private final transient Iso8583Message readable;

    MalformedMessageException(String reason, Iso8583Message readable) {
        super(reason, null, false, false);
        this.readable = readable;
    }

    /** The MTI and identifying fields read before the fault; empty when even the MTI was unreadable. */
    public Optional<Iso8583Message> readablePart() {
        return Optional.ofNullable(readable);
    }
}
