package io.loyaltyhub.hub.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * A port one of the hub's servers is to listen on, tried before the server starts (bound for a moment with
 * SO_REUSEADDR, as the servers bind): where the operating system refuses it, the start fails naming the server, the
 * address, the reason and the setting that changes it, instead of a bare "Address already in use".
 */
public final class ListenAddress {
    private ListenAddress() {
    }

    /**
     * @param server  what listens there, for the message ("HTTP", "the ISO 8583 listener binary-2")
     * @param setting the setting that moves it
     * @throws IllegalStateException when the port cannot be bound
     */
    public static void requireFree(String server, String host, int port, String setting) {
        whyNotFree(host, port).ifPresent(reason -> {
            throw cannotListen(server, host, port, reason, setting);
        });
    }

    /** Why the address cannot be bound now, or empty when it can (port 0 always can). */
    public static Optional<String> whyNotFree(String host, int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    public static IllegalStateException cannotListen(String server, String host, int port, String reason, String setting) {
        return new IllegalStateException(server + " cannot listen on " + host + ":" + port + " (" + reason
                + "); is another process using the port? Change it with " + setting);
    }
}
