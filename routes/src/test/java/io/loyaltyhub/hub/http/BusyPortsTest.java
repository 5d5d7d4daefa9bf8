package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 18: Vert.x only logs a port it cannot bind, and the hub used to print "running" anyway. Now the
 * start fails naming the port, and the command exits non-zero. The ISO 8583 listeners and the broker's acceptors
 * say the same: which server, which address, why, and the setting that moves it (not a bare "Address already in
 * use").
 */
@Slow
class BusyPortsTest {

    @Test
    void anHttpPortThatIsTakenStopsTheHubFromStarting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());

            assertThatThrownBy(() -> HubFixture.start(Map.of("hub.http.port", port), List.of()).close())
                    .hasMessageContaining("HTTP cannot listen on 127.0.0.1:" + port)
                    .hasMessageContaining("hub.http.port");
        }
    }

    @Test
    void anIso8583PortThatIsTakenIsNamedWithItsListenerAndSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());

            assertThatThrownBy(() -> HubFixture.start(Map.of("hub.iso8583.host", "127.0.0.1",
                    "hub.iso8583.listeners", "binary-2:" + port), List.of(new Iso8583Extension())).close())
                    .hasMessageContaining("the ISO 8583 listener binary-2-" + port + " cannot listen on 127.0.0.1:" + port)
                    .hasMessageContaining("hub.iso8583.listeners");
        }
    }

    @Test
    void aBrokerTerminalPortThatIsTakenIsNamedWithItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());

            assertThatThrownBy(() -> HubFixture.start(Map.of("hub.broker.terminals.host", "127.0.0.1",
                    "hub.broker.mqtt.port", port), List.of()).close())
                    .hasMessageContaining("the port of mqtt on 127.0.0.1:" + port)
                    .hasMessageContaining("is taken")
                    .hasMessageContaining("hub.broker.mqtt.port");
        }
    }

    @Test
    void theRunCommandExitsNonZeroWithAClearMessageAndNeverSaysItIsRunning() throws Exception {
        Path dataDir = Files.createTempDirectory("hub-busy-port");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.loyaltyhub.hub.cli.HubCommand", "run",
                    "-s", "hub.data-dir=" + dataDir, "-s", "hub.http.host=127.0.0.1", "-s", "hub.http.port=" + port,
                    "-s", "hub.broker.embedded.port=0", "-s", "hub.broker.terminals.host=127.0.0.1"));
            for (String protocol : List.of("mqtt", "amqp", "stomp")) {
                command.addAll(List.of("-s", "hub.broker." + protocol + ".port=0"));
            }
            File out = dataDir.resolve("stdout.txt").toFile();
            File err = dataDir.resolve("stderr.txt").toFile();
            Process hub = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
            try {
                assertThat(hub.waitFor(180, TimeUnit.SECONDS)).as("the command ended by itself").isTrue();
            } finally {
                hub.destroyForcibly();
            }

            String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
            assertThat(hub.exitValue()).isNotZero();
            assertThat(stderr).contains("error: ").contains("HTTP cannot listen on 127.0.0.1:" + port);
            assertThat(stdout).doesNotContain("is running");
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
