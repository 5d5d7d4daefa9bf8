package io.loyaltyhub.hub.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Ports nobody listens on (RabbitMQ, Mosquitto and the machine's MariaDB hold the standard ones), each handed out
 * once, for servers the suite kills and starts again on the same port. They are taken below the kernel's range of
 * ephemeral ports: while a server is down, any outgoing connection (a till's, the hub's own to its broker) may be
 * given an ephemeral port as its local port, and a server started again on that port would find it taken.
 */
final class FreePorts {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;
    private static final int SPAN = 12000;
    private static final int LOWEST = 10000;

    private final Set<Integer> given = new HashSet<>();
    private final Random random = new Random();
    private final int low;
    private final int high;

    FreePorts() {
        this(ephemeralLow());
    }

    /** @param ephemeralLow the lowest port the kernel hands out to outgoing connections */
    FreePorts(int ephemeralLow) {
        this.high = ephemeralLow - 1;
        this.low = Math.max(LOWEST, ephemeralLow - SPAN);
        if (high <= low) {
            throw new IllegalStateException("the ephemeral port range starts at " + ephemeralLow
                    + ": no room below it for the suite's servers (see " + EPHEMERAL_RANGE + ")");
        }
    }

    synchronized int next() {
        for (int tries = 0; tries < 500; tries++) {
            int port = low + random.nextInt(high - low + 1);
            if (!given.contains(port) && bindable(port)) {
                given.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port found between " + low + " and " + high);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The low end of {@code ip_local_port_range}; Linux's default where the file cannot be read. */
    static int ephemeralLow() {
        // Read line by line: this kernel file reports a size of 0, and a whole-file read may then stop short.
        try (var reader = Files.newBufferedReader(EPHEMERAL_RANGE, StandardCharsets.US_ASCII)) {
            String[] range = reader.readLine().trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }
}
