package io.loyaltyhub.adapters.iso8583;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How messages are delimited on a TCP stream: each message is preceded by its length, either as a
 * 2-byte big-endian binary number or as 4 ASCII digits. Chosen per listener, because terminals are
 * built for one or the other. A frame of length zero is a keep-alive and is answered with one.
 */
public enum Framing {
    BINARY_2(2, 0xFFFF),
    ASCII_4(4, 9999);

    private final int headerLength;
    private final int largestExpressible;

    Framing(int headerLength, int largestExpressible) {
        this.headerLength = headerLength;
        this.largestExpressible = largestExpressible;
    }

    /** Reads "binary-2", "BINARY_2", "ascii-4" ... as written in configuration. */
    public static Framing fromConfig(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public int headerLength() {
        return headerLength;
    }

    public byte[] header(int messageLength) {
        if (messageLength < 0 || messageLength > largestExpressible) {
            throw new IllegalArgumentException("a " + this + " header cannot express a length of " + messageLength);
        }
        if (this == BINARY_2) {
            return new byte[] {(byte) (messageLength >>> 8), (byte) messageLength};
        }
        return ZeroPadded.of(messageLength, 4).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The message length a header announces.
     *
     * @throws FramingException when an ASCII header holds anything but digits: the stream cannot be re-synchronised
     */
    public int lengthOf(byte[] header, int offset) throws FramingException {
        if (this == BINARY_2) {
            return ((header[offset] & 0xFF) << 8) | (header[offset + 1] & 0xFF);
        }
        int length = 0;
        for (int i = 0; i < 4; i++) {
            int digit = header[offset + i] - '0';
            if (digit < 0 || digit > 9) {
                throw new FramingException("length header is not four ASCII digits");
            }
            length = length * 10 + digit;
        }
        return length;
    }

    public byte[] frame(byte[] message) {
        byte[] header = header(message.length);
        byte[] frame = new byte[header.length + message.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(message, 0, frame, header.length, message.length);
        return frame;
    }

    public void write(OutputStream out, byte[] message) throws IOException {
        out.write(frame(message));
        out.flush();
    }

    /**
     * Blocks for one whole message (used by the simulator, which is a client; the hub's listener decodes
     * frames without blocking).
     *
     * @throws EOFException when the peer closed the connection
     * @throws FramingException when the header is unreadable or announces more than {@code maxLength}
     */
    public byte[] read(InputStream in, int maxLength) throws IOException {
        byte[] header = in.readNBytes(headerLength);
        if (header.length < headerLength) {
            throw new EOFException("connection closed");
        }
        int length = lengthOf(header, 0);
        if (length > maxLength) {
            throw new FramingException("length header announces " + length + " bytes, more than " + maxLength);
        }
        byte[] message = in.readNBytes(length);
        if (message.length < length) {
            throw new EOFException("connection closed inside a message");
        }
        return message;
    }

    /** The stream is out of step: the connection has to be closed. */
    public static class FramingException extends IOException {
        public FramingException(String reason) {
            super(reason);
        }
    }
}
