package io.loyaltyhub.adapters.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A till speaking STOMP 1.2 over a plain socket: CONNECT with its credential, SUBSCRIBE to its reply address
 * (waiting for the broker's receipt, so no answer can be missed), then SEND per transaction. An ERROR frame
 * from the broker fails the call that is waiting, or ends the till.
 */
final class BrokerStompTill implements BrokerTill {
    private record Frame(String command, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String ingress;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;

    BrokerStompTill(String host, int port, String merchant, String terminal, String credentialId, String secret)
            throws IOException, InterruptedException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        ingress = "pos.in." + merchant + "." + terminal;
        write("CONNECT", Map.of("accept-version", "1.2", "host", host, "login", credentialId, "passcode", secret,
                "heart-beat", "0,0"), "");
        expect(readFrame(), "CONNECTED");
        reader = new Thread(this::readFrames, "stomp-till-reader");
        reader.setDaemon(true);
        reader.start();
        write("SUBSCRIBE", Map.of("id", "replies", "destination", "pos.out." + merchant + "." + terminal,
                "destination-type", "MULTICAST", "ack", "auto", "receipt", "subscribed"), "");
        expect(frames.poll(10, TimeUnit.SECONDS), "RECEIPT");
    }

    @Override
    public void send(String json) throws IOException {
        write("SEND", Map.of("destination", ingress, "destination-type", "MULTICAST", "content-type", "application/json",
                "content-length", Integer.toString(json.getBytes(StandardCharsets.UTF_8).length)), json);
    }

    @Override
    public String nextReply(Duration within) throws InterruptedException {
        Frame frame = frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            return null;
        }
        expect(frame, "MESSAGE");
        return frame.body();
    }

    private void readFrames() {
        try {
            while (!socket.isClosed()) {
                Frame f = readFrame();
                if (f == null) {
                    return;
                }
                frames.add(f);
            }
        } catch (IOException e) {
            frames.add(new Frame("ERROR", Map.of("message", "connection lost: " + e.getMessage()), ""));
        }
    }

    private static void expect(Frame frame, String command) {
        if (frame == null) {
            throw new IllegalStateException("the broker did not answer (expected " + command + ")");
        }
        if (!frame.command().equals(command)) {
            throw new IllegalStateException("the broker answered " + frame.command() + ": "
                    + frame.headers().getOrDefault("message", "") + " " + frame.body().trim());
        }
    }

    private synchronized void write(String command, Map<String, String> headers, String body) throws IOException {
        StringBuilder frame = new StringBuilder(command).append('\n');
        headers.forEach((k, v) -> frame.append(k).append(':').append(v).append('\n'));
        frame.append('\n').append(body).append('\0');
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One frame, or null at the end of the stream. Heart-beat newlines between frames are skipped. */
    private Frame readFrame() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) == '\n' || b == '\r') {
            // heart-beats
        }
        if (b < 0) {
            return null;
        }
        while (b > 0) {
            raw.write(b);
            b = in.read();
        }
        String text = raw.toString(StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        String body = blank < 0 ? "" : text.substring(blank + 2);
        String[] lines = head.split("\r?\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
            }
        }
        return new Frame(lines[0], headers, body);
    }

    @Override
    public void close() throws IOException {
        try {
            write("DISCONNECT", Map.of(), "");
        } catch (IOException e) {
            // already gone
        }
        socket.close();
    }
}
