package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Framing;
import java.time.Duration;

/**
 * One ISO 8583 listener: where it listens, which length header its terminals use, the largest message
 * it accepts, how long an online request waits for the engine, whether terminals without a MAC key
 * may use it (when false, such terminals are trusted by the network the listener is bound to), and
 * after how long without a byte from the terminal a connection is closed (zero: never).
 */
public record Iso8583ListenerSettings(String name, String host, int port, Framing framing, int maxMessageLength,
                                      Duration answerTimeout, boolean macRequired, Duration idleTimeout) {

    /** Enough for every field of the dialect at its maximum; a larger header is hostile or out of step. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 8192;

    public Iso8583ListenerSettings {
        if (name == null || !name.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("listener name must be 1-32 characters of a-z, 0-9 and -");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (maxMessageLength < 64 || maxMessageLength > 65535) {
            throw new IllegalArgumentException("max message length must be 64..65535");
        }
        if (framing == Framing.ASCII_4 && maxMessageLength > 9999) {
            throw new IllegalArgumentException("a 4-digit length header cannot announce more than 9999 bytes");
        }
        if (answerTimeout == null || answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("answer timeout must be positive");
        }
        if (idleTimeout == null || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must be zero (never) or positive");
        }
        if (!idleTimeout.isZero() && idleTimeout.compareTo(answerTimeout) <= 0) {
            // a terminal waiting for the engine sends nothing: it must not be cut off before its answer
            throw new IllegalArgumentException("idle timeout must be longer than the answer timeout");
        }
    }
}
