package io.loyaltyhub.hub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the hub and a real server (MariaDB, Artemis) that a test can break the way networks break:
 * {@link #drop()} — every connection is closed and new ones are closed at once (the server is down);
 * {@link #hang()} — connections stay open but nothing gets through, new ones are accepted and ignored (a partition);
 * {@link #forward()} — back to normal.
 */
public final class TcpRelay implements AutoCloseable {
    private enum Mode { FORWARD, HANG, DROP }

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;

    public TcpRelay(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptAll, "tcp-relay-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void drop() {
        mode = Mode.DROP;
        closeAll();
    }

    public void hang() {
        mode = Mode.HANG;
    }

    public synchronized void forward() {
        mode = Mode.FORWARD;
        notifyAll();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                switch (mode) {
                    case DROP -> client.close();
                    case HANG -> { } // accepted, never answered
                    case FORWARD -> connect(client);
                }
            } catch (IOException e) {
                // listener closed, or one connection failed: go on with the next
            }
        }
    }

    private void connect(Socket client) throws IOException {
        Socket server = new Socket(targetHost, targetPort);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    waitWhileHanging();
                    if (mode == Mode.DROP) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-relay-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private synchronized void waitWhileHanging() throws InterruptedException {
        while (mode == Mode.HANG) {
            wait();
        }
    }

    private void closeAll() {
        sockets.forEach(TcpRelay::close);
        sockets.clear();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        forward();
        listener.close();
        closeAll();
    }
}
