package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.hub.broker.terminals.ExternalBrokerSecurity.BrokerTerminal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

/**
 * The broker.xml fragment for an external broker, read back by Artemis's own configuration parser (schema-validated
 * as a broker reads its broker.xml): each terminal's role may send only to its own ingress address and read only its
 * own reply address; the hubs' role consumes ingress and sends replies, and never sends as a terminal.
 */
class ExternalBrokerSecurityTest {
    private static final ExternalBrokerSecurity SECURITY = new ExternalBrokerSecurity("amq", List.of(
            new BrokerTerminal("books", "T1"), new BrokerTerminal("books", "T2"), new BrokerTerminal("pharma", "till-9")));

    private static Configuration parsed() throws Exception {
        String brokerXml = "<configuration xmlns=\"urn:activemq\"><core xmlns=\"urn:activemq:core\">"
                + "<security-settings>" + SECURITY.securitySettings() + "</security-settings>"
                + "<address-settings>" + SECURITY.addressSettings() + "</address-settings>"
                + "</core></configuration>";
        return new FileConfigurationParser().parseMainConfig(new ByteArrayInputStream(brokerXml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> rolesThatMay(Set<Role> roles, java.util.function.Predicate<Role> right) {
        return roles.stream().filter(right).map(Role::getName).collect(Collectors.toSet());
    }

    @Test
    void eachTerminalMaySendOnlyToItsOwnIngressAndReadOnlyItsOwnReplies() throws Exception {
        Map<String, Set<Role>> roles = parsed().getSecurityRoles();

        assertThat(rolesThatMay(roles.get("pos.in.books.T1"), Role::isSend)).containsExactly("terminal.books.T1");
        assertThat(rolesThatMay(roles.get("pos.in.books.T1"), Role::isConsume)).containsExactly("amq");
        assertThat(rolesThatMay(roles.get("pos.out.books.T1"), Role::isConsume)).containsExactly("terminal.books.T1");
        assertThat(rolesThatMay(roles.get("pos.out.books.T1"), Role::isSend)).containsExactly("amq");
        assertThat(rolesThatMay(roles.get("pos.in.pharma.till-9"), Role::isSend)).containsExactly("terminal.pharma.till-9");
        for (Map.Entry<String, Set<Role>> setting : roles.entrySet()) {
            if (!setting.getKey().endsWith("books.T1")) {
                assertThat(rolesThatMay(setting.getValue(), r -> r.isSend() || r.isConsume() || r.isCreateNonDurableQueue()))
                        .as("T1 has no right on " + setting.getKey()).doesNotContain("terminal.books.T1");
            }
        }
        assertThat(rolesThatMay(roles.get("pos.in.#"), r -> r.isSend() || r.isCreateAddress()))
                .as("nobody sends to a terminal's address through the wildcard").isEmpty();
        assertThat(rolesThatMay(roles.get("pos.in.#"), r -> r.isConsume() && r.isCreateNonDurableQueue()))
                .as("the hubs' shared subscription on every ingress address").containsExactly("amq");
    }

    @Test
    void ingressStaysInMemoryAndRepliesAreBoundedAsOnTheEmbeddedBroker() throws Exception {
        Map<String, AddressSettings> settings = parsed().getAddressSettings();

        AddressSettings ingress = settings.get("pos.in.#");
        assertThat(ingress.getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.FAIL);
        assertThat(ingress.isAutoCreateQueues()).isFalse();
        assertThat(ingress.getMaxSizeBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(settings.get("pos.out.#").getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.DROP);
    }

    @Test
    void eachTerminalUserIsNamedAsTheEmbeddedBrokerNamesItsLoginWithItsOwnRole() {
        assertThat(SECURITY.rolesFile()).isEqualTo("terminal.books.T1=books.T1\n"
                + "terminal.books.T2=books.T2\nterminal.pharma.till-9=pharma.till-9\n");
        assertThat(SECURITY.userCommands()).contains("bin/artemis user add --user books.T1 --password "
                + "\"$SECRET_OF_BOOKS_T1\" --role terminal.books.T1");
        assertThatThrownBy(() -> new BrokerTerminal("books", "T#1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerTerminal("books\"/>", "T1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SECURITY.brokerXml("heading")).startsWith("<!-- heading -->")
                .contains("<broker-plugin class-name=\"" + SenderStamp.class.getName() + "\"/>");
    }
}
