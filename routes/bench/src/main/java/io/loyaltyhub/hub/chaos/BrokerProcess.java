package io.loyaltyhub.hub.chaos;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The external Artemis broker of the production topology, as a child process running this program's
 * {@code broker} command: persistent, journal synced, one core acceptor, one login for the hub.
 */
final class BrokerProcess implements Component {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final JavaLauncher launcher;
    private final Path dataDir;
    private final int port;
    private final String user;
    private final String password;
    private final Path log;
    private ChildProcess process;

    BrokerProcess(JavaLauncher launcher, Path dataDir, int port, String user, String password, Path log) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.port = port;
        this.user = user;
        this.password = password;
        this.log = log;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public void start() throws Exception {
        process = ChildProcess.start("broker", launcher.command(List.of("broker", "--data-dir", dataDir.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--user", user)),
                Map.of("HUB_BROKER_PASSWORD", password), log);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited at start (exit " + process.exitValue() + "; see " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not listen on " + port + " within " + START_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public void kill9() {
        process.kill9();
    }

    @Override
    public boolean stop() {
        return process == null || !process.isAlive() || process.terminate(Duration.ofSeconds(60));
    }
}
