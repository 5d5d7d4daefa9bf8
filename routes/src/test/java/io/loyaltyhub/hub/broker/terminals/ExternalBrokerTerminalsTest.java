package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import io.loyaltyhub.hub.broker.terminals.ExternalBrokerSecurity.BrokerTerminal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker-native terminals on an external Artemis broker the hub does not run: the broker has the security
 * {@code broker-terminal-security} prints (parsed from its output by Artemis's configuration parser), its users file
 * names each terminal {@code <merchant>.<terminal>}, and it runs the hub's {@link SenderStamp} plugin; the hub
 * connects as a user of role {@code amq} and only consumes. An MQTT sale is credited and answered; a terminal is
 * refused another terminal's addresses by the broker itself; after the broker went away and came back the hub's edge
 * has reconnected by itself.
 */
@Slow
class ExternalBrokerTerminalsTest {
    private static final Duration REPLY = Duration.ofSeconds(20);

    @TempDir
    Path brokerDir;

    private EmbeddedActiveMQ broker;
    private Configuration brokerConfig;
    private ActiveMQJAASSecurityManager brokerSecurity;
    private HubFixture hub;

    @AfterEach
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void anMqttSaleThroughTheExternalBrokerIsCreditedAndAnsweredAndOtherTerminalsAddressesAreRefused() throws Exception {
        int corePort = startBrokerWithoutTerminals();
        hub = HubFixture.start(Map.of("hub.broker.url", "tcp://127.0.0.1:" + corePort, "hub.broker.user", "hub",
                "hub.broker.password", "hub-password"), List.of(new BrokerTerminalsExtension()));
        Merchant books = hub.merchant();
        hub.hub().admin().addTerminal(books.id(), "S1", "T2");
        int mqttPort = secureTheBrokerFor(List.of(new BrokerTerminal(books.code(), "T1"), new BrokerTerminal(books.code(), "T2")),
                Map.of(books.code() + ".T1", "secret-of-t1", books.code() + ".T2", "secret-of-t2"));
        String card = HubFixture.card(8_001);

        try (Mqtt5Terminal till = new Mqtt5Terminal(mqttPort, books.code() + ".T1", "secret-of-t1")) {
            assertThat(till.listen("pos/out/" + books.code() + "/T1")).as("SUBACK: QoS 1 granted").isEqualTo(1);
            assertThat(till.publish("pos/in/" + books.code() + "/T1", BrokerTerminalsTest.sale("ext-1", card, 12_345))).isZero();

            JsonNode reply = till.nextReply(REPLY);
            assertThat(reply.get("status").asText()).isEqualTo("approved");
            assertThat(reply.get("points").asLong()).isEqualTo(123);

            assertThat(till.listen("pos/out/" + books.code() + "/T2")).as("another terminal's replies: not authorized")
                    .isEqualTo(0x87);
            assertThat(till.publish("pos/in/" + books.code() + "/T2", BrokerTerminalsTest.sale("ext-2", card, 100)))
                    .as("another terminal's ingress: not authorized").isEqualTo(0x87);
        }
        assertThat(hub.balanceOf(card)).isEqualTo(123);
        assertThat(hub.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", books.id().value())).isEqualTo(1);

        // The broker goes away and comes back (an outage, or a failover to the backup): the hub's edge reconnects.
        broker.stop();
        broker = new EmbeddedActiveMQ().setConfiguration(brokerConfig).setSecurityManager(brokerSecurity);
        broker.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            try (Mqtt5Terminal till = new Mqtt5Terminal(mqttPort, books.code() + ".T2", "secret-of-t2")) {
                assertThat(till.listen("pos/out/" + books.code() + "/T2")).isEqualTo(1);
                assertThat(till.publish("pos/in/" + books.code() + "/T2", BrokerTerminalsTest.sale("ext-3", card, 1_000))).isZero();
                assertThat(till.nextReply(Duration.ofSeconds(5)).get("status").asText()).isEqualTo("approved");
            }
        });
        assertThat(hub.balanceOf(card)).as("credited once, whatever the tries").isEqualTo(133);
    }

    /** The external broker as an operator starts it: a core acceptor for the hubs, security on, the hub's user. */
    private int startBrokerWithoutTerminals() throws Exception {
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser("hub", "hub-password");
        users.addRole("hub", "amq");
        Configuration config = new ConfigurationImpl().setPersistenceEnabled(true).setSecurityEnabled(true)
                .setJournalDirectory(brokerDir.resolve("journal").toString())
                .setBindingsDirectory(brokerDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(brokerDir.resolve("large").toString())
                .setPagingDirectory(brokerDir.resolve("paging").toString())
                .addAcceptorConfiguration("core", "tcp://127.0.0.1:" + freePort() + "?protocols=CORE")
                .addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + freePort() + "?protocols=MQTT");
        config.putSecurityRoles("#", Set.of(new Role("amq", true, true, true, true, true, true, true, true, true, true, true, true)));
        config.registerBrokerPlugin(new SenderStamp());
        brokerConfig = config;
        brokerSecurity = new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
        broker = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(brokerSecurity);
        broker.start();
        return ((NettyAcceptor) broker.getActiveMQServer().getRemotingService().getAcceptor("core")).getActualPort();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the operator does with broker-terminal-security's output: the settings in, each terminal's user added. */
    private int secureTheBrokerFor(List<BrokerTerminal> terminals, Map<String, String> secrets) throws Exception {
        ExternalBrokerSecurity security = new ExternalBrokerSecurity("amq", terminals);
        String brokerXml = "<configuration xmlns=\"urn:activemq\"><core xmlns=\"urn:activemq:core\">"
                + "<security-settings>" + security.securitySettings() + "</security-settings>"
                + "<address-settings>" + security.addressSettings() + "</address-settings></core></configuration>";
        Configuration fragment = new FileConfigurationParser().parseMainConfig(
                new ByteArrayInputStream(brokerXml.getBytes(StandardCharsets.UTF_8)));
        var server = broker.getActiveMQServer();
        fragment.getSecurityRoles().forEach((match, roles) -> server.getSecurityRepository().addMatch(match, roles));
        fragment.getAddressSettings().forEach((match, settings) -> server.getAddressSettingsRepository().addMatch(match, settings));
        fragment.getSecurityRoles().forEach(brokerConfig::putSecurityRoles); // and for the broker's restart
        fragment.getAddressSettings().forEach(brokerConfig::addAddressSetting);
        SecurityConfiguration users = ((ActiveMQJAASSecurityManager) server.getSecurityManager()).getConfiguration();
        for (String line : security.rolesFile().split("\n")) {
            String[] roleAndUser = line.split("=");
            users.addUser(roleAndUser[1], secrets.get(roleAndUser[1]));
            users.addRole(roleAndUser[1], roleAndUser[0]);
        }
        return ((NettyAcceptor) server.getRemotingService().getAcceptor("mqtt")).getActualPort();
    }
}
