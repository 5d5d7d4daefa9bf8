package io.loyaltyhub.hub.iso8583;

/**
 * The bytes of one message as they travel through the Camel route, length header removed. It may hold a
 * card number, so it never prints its content: if Camel's tracer, error handler or a debug log ever
 * turns an exchange body into text, it shows only the size.
 */
public final class Iso8583Frame {

    static final Iso8583Frame KEEP_ALIVE = new Iso8583Frame(new byte[0]);

    private final byte[] bytes;

    Iso8583Frame(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    boolean isKeepAlive() {
        return bytes.length == 0;
    }

    @Override
    public String toString() {
        return "Iso8583Frame[" + bytes.length + " bytes]";
    }
}
