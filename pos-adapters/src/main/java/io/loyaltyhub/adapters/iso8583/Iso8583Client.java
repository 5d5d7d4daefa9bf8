package io.loyaltyhub.adapters.iso8583;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;

/**
 * The terminal's end of one TCP connection to the hub: sends a message, waits for the answer. Signs
 * requests and checks the MAC of answers when the terminal has a MAC key. Used by the POS simulator and
 * by the hub's end-to-end tests; one request at a time, like a till.
 */
public final class Iso8583Client implements AutoCloseable {

    /** Largest answer the simulator accepts; the hub's answers are far smaller. */
    private static final int MAX_RESPONSE_LENGTH = 9999;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framing framing;
    private final MacKey macKey;
    private final Iso8583Codec codec = new Iso8583Codec();
    private final MessageAuthentication authentication = new MessageAuthentication(codec);

    private Iso8583Client(Socket socket, Framing framing, MacKey macKey) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.framing = framing;
        this.macKey = macKey;
    }

    /** @param macKey the terminal's MAC key, or null for a terminal without one */
    public static Iso8583Client connect(String host, int port, Framing framing, Duration timeout, MacKey macKey) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return new Iso8583Client(socket, framing, macKey);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends a request (signed if this terminal has a MAC key) and returns the decoded answer. */
    public Exchange exchange(Iso8583Message request) throws IOException, MalformedMessageException {
        Iso8583Message toSend = macKey == null ? request : authentication.sign(request, macKey);
        byte[] requestBytes = codec.encode(toSend);
        byte[] responseBytes = exchangeRaw(requestBytes);
        Iso8583Message response = codec.decode(responseBytes);
        if (macKey != null && response.has(Iso8583Dialect.MAC) && !authentication.isAuthentic(responseBytes, response, macKey)) {
            throw new IOException("the hub's answer carries a MAC that does not match this terminal's key");
        }
        // The request as it went on the wire (padded, signed), so what is printed is what was sent.
        return new Exchange(codec.decode(requestBytes), requestBytes, response, responseBytes);
    }

    /** Sends any bytes as one frame and returns the bytes of the next frame the hub sends. */
    public byte[] exchangeRaw(byte[] message) throws IOException {
        framing.write(out, message);
        return framing.read(in, MAX_RESPONSE_LENGTH);
    }

    /** Writes bytes to the connection exactly as given, header and all (for tests of broken framing). */
    public void writeUnframed(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A zero-length frame; the hub answers with one. */
    public boolean keepAlive() throws IOException {
        return exchangeRaw(new byte[0]).length == 0;
    }

    /** Whether the hub has closed the connection: waits up to the read timeout for end-of-stream. */
    public boolean closedByPeer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true; // a reset is a close too
        }
    }

    public Optional<MacKey> macKey() {
        return Optional.ofNullable(macKey);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One request and its answer, as messages and as the bytes that crossed the wire (header excluded). */
    public record Exchange(Iso8583Message request, byte[] requestBytes, Iso8583Message response, byte[] responseBytes) {

        public String responseCode() {
            return response.field(Iso8583Dialect.RESPONSE_CODE).orElse("");
        }

        public LoyaltyData loyaltyData() {
            return LoyaltyData.parse(response.field(Iso8583Dialect.LOYALTY_DATA).orElse(""));
        }
    }
}
