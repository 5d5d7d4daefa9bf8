package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.hub.broker.terminals.ExternalBrokerSecurity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One broker of an Artemis primary/backup pair with replication, created from the Artemis distribution with its own
 * CLI ({@code artemis create --replicated [--backup] --staticCluster ...}) and run as a child process
 * ({@code bin/artemis run}), as an operator runs it. Its ports are the distribution's defaults moved by a port
 * offset. The terminals' rights come from {@link ExternalBrokerSecurity}, put into the instance's broker.xml, users
 * and roles files, with the hub's jar in its lib/ folder for the sender-stamping plugin.
 */
final class ArtemisNode implements Component {
    static final int CORE = 61616;
    static final int MQTT = 1883;
    private static final List<Integer> DEFAULT_PORTS = List.of(CORE, MQTT, 5672, 61613, 5445);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final String name;
    private final Path artemisHome;
    private final Path instance;
    private final int portOffset;
    private final Path log;
    private ChildProcess process;

    ArtemisNode(String name, Path artemisHome, Path instance, int portOffset, Path log) {
        this.name = name;
        this.artemisHome = artemisHome;
        this.instance = instance;
        this.portOffset = portOffset;
        this.log = log;
    }

    /** A port offset under which every port the broker opens is free now (core, MQTT, AMQP, STOMP, HornetQ). */
    static int freeOffset(int from, List<Integer> taken) {
        for (int offset = from; offset < 3900; offset += 10) {
            int o = offset;
            if (DEFAULT_PORTS.stream().allMatch(p -> !taken.contains(p + o) && isFree(p + o))) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with every broker port free");
    }

    private static boolean isFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static List<Integer> portsAt(int offset) {
        return DEFAULT_PORTS.stream().map(p -> p + offset).toList();
    }

    int corePort() {
        return CORE + portOffset;
    }

    int mqttPort() {
        return MQTT + portOffset;
    }

    /** {@code artemis create}: a replicating primary, or ({@code backup}) its backup, each pointing at the other. */
    void create(boolean backup, int otherCorePort, String hubUser, String hubPassword, String clusterPassword,
                ExternalBrokerSecurity terminals, Map<String, String> terminalSecrets, Path hubJar) throws Exception {
        List<String> command = new ArrayList<>(List.of(artemisHome.resolve("bin/artemis").toString(), "create",
                instance.toString(), "--silent", "--force", "--name", name, "--host", "127.0.0.1",
                "--port-offset", Integer.toString(portOffset), "--user", hubUser, "--password", hubPassword,
                "--require-login", "--no-web", "--clustered", "--replicated", "--failover-on-shutdown",
                "--cluster-user", "hub-cluster", "--cluster-password", clusterPassword,
                "--staticCluster", "tcp://127.0.0.1:" + otherCorePort));
        if (backup) {
            command.add("--backup");
        }
        int exit = ChildProcess.runToEnd("artemis-create-" + name, command, log, Duration.ofMinutes(2));
        if (exit != 0) {
            throw new IllegalStateException("artemis create " + name + " failed (exit " + exit + "; see " + log + ")");
        }
        addTerminals(terminals, terminalSecrets, hubJar);
        // Two brokers beside three hubs and a database on a small machine: start small (the profile's default is 512M).
        Path profile = instance.resolve("etc/artemis.profile");
        Files.writeString(profile, Files.readString(profile).replace("-Xms512M", "-Xms64M"));
    }

    /** What an operator does with broker-terminal-security's output (docs/broker-terminals.md, "External broker"). */
    private void addTerminals(ExternalBrokerSecurity terminals, Map<String, String> secrets, Path hubJar) throws IOException {
        Path brokerXml = instance.resolve("etc/broker.xml");
        String xml = Files.readString(brokerXml);
        xml = insertBefore(xml, "</security-settings>", terminals.securitySettings());
        xml = insertBefore(xml, "</address-settings>", terminals.addressSettings());
        xml = insertBefore(xml, "</core>", "<broker-plugins><broker-plugin class-name=\""
                + io.loyaltyhub.hub.broker.terminals.SenderStamp.class.getName() + "\"/></broker-plugins>\n");
        Files.writeString(brokerXml, xml);
        Files.writeString(instance.resolve("etc/artemis-roles.properties"), "\n" + terminals.rolesFile(), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        StringBuilder users = new StringBuilder("\n");
        secrets.forEach((user, secret) -> users.append(user).append(" = ").append(secret).append('\n'));
        Files.writeString(instance.resolve("etc/artemis-users.properties"), users, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.copy(hubJar, instance.resolve("lib").resolve(hubJar.getFileName()));
    }

    private static String insertBefore(String xml, String marker, String insert) {
        int at = xml.lastIndexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("broker.xml has no " + marker);
        }
        return xml.substring(0, at) + insert + xml.substring(at);
    }

    @Override
    public String name() {
        return "broker " + name;
    }

    @Override
    public void start() throws Exception {
        process = ChildProcess.start("artemis-" + name, List.of(instance.resolve("bin/artemis").toString(), "run"), log);
    }

    /** Waits until the broker accepts connections on its core port (the live one; a backup does not until it takes over). */
    void awaitLive(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!accepts(corePort())) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name() + " exited (see " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " did not listen on " + corePort() + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    /** Waits until the backup says in its log that it holds a full copy of the primary's journal. */
    void awaitReplicating(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log).contains("AMQ221024")) { // "Backup server ... is synchronized with live server"
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name() + " exited (see " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " did not synchronize with the primary within "
                        + timeout.toSeconds() + " s (see " + log + ")");
            }
            Thread.sleep(200);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void kill9() {
        if (process != null) {
            process.kill9();
        }
    }

    @Override
    public boolean stop() {
        return process == null || !process.isAlive() || process.terminate(Duration.ofSeconds(60));
    }

    static Duration startTimeout() {
        return START_TIMEOUT;
    }
}
