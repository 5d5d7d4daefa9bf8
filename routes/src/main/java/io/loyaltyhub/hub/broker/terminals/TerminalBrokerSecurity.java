package io.loyaltyhub.hub.broker.terminals;

import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.hub.broker.BrokerLogin;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.auth.TerminalCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/**
 * Who may log in to the embedded broker, and what they may touch.
 * <ul>
 * <li>The hub itself ({@link BrokerLogin}): role {@value #HUB_ROLE}, everything.</li>
 * <li>A terminal, with the same credential id and secret as for HTTP Basic, checked against the hub's database,
 * and only over MQTT, AMQP or STOMP (a CORE client could push large messages to disk, see
 * docs/broker-terminals.md): role {@value #TERMINAL_ROLE}, logged in as {@code <merchant>.<terminal>}.</li>
 * </ul>
 * The security settings ({@link TerminalBrokerSetup}) say what the terminal role may do on {@code pos.in.#} and
 * {@code pos.out.#}; on top of the role check a terminal may only touch its own two addresses, whatever the
 * address wildcard matched.
 */
public final class TerminalBrokerSecurity implements ActiveMQSecurityManager5 {
    public static final String HUB_ROLE = "hub";
    public static final String TERMINAL_ROLE = "terminal";
    private static final Set<String> TERMINAL_PROTOCOLS = Set.of("MQTT", "AMQP", "STOMP");
    /**
     * Artemis names an MQTT connection "MQTT" while it connects, and an MQTT 5 one "MQTT5" from then on (the
     * protocol level appended); every later check (SUBSCRIBE, PUBLISH) authenticates again under that name.
     */
    private static final String MQTT_5 = "MQTT5";

    private final BrokerLogin hub;
    private final Supplier<TerminalDirectory> terminals;
    private final LoginThrottle throttle;

    /**
     * @param terminals asked at each terminal login, not before: a starting hub opens its database while the broker
     *                  starts, and a login that comes in meanwhile waits for it
     * @param throttle  the hub's failed-login throttle, shared with HTTP: a terminal credential or an address locked
     *                  out there is locked out here, and failures here count there
     */
    public TerminalBrokerSecurity(BrokerLogin hub, Supplier<TerminalDirectory> terminals, LoginThrottle throttle) {
        this.hub = hub;
        this.terminals = terminals;
        this.throttle = throttle;
    }

    /** A broker only the hub logs in to (the broker benchmark): no terminal is ever accepted. */
    public static TerminalBrokerSecurity hubOnly(BrokerLogin hub) {
        return new TerminalBrokerSecurity(hub, null, null);
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (user == null || password == null) {
            return null;
        }
        if (hub.user().equals(user)) {
            return sameSecret(password, hub.password()) ? subject(hub.user(), HUB_ROLE) : null;
        }
        if (terminals == null || connection == null || !isTerminalProtocol(connection.getProtocolName())) {
            return null;
        }
        String credential = TerminalCredentials.throttleKey(user);
        String address = clientAddress(connection);
        if (!throttle.lockedOutFor(credential, address).isZero()) {
            return null; // refused without looking at the secret, as over HTTP
        }
        Optional<TerminalIdentity> terminal = terminals.get().authenticate(user, password);
        if (terminal.isPresent()) {
            throttle.succeeded(credential, address);
        } else {
            throttle.failed(credential, address);
        }
        return terminal.map(t -> subject(new TerminalAddress(t.merchantCode(), t.terminalCode()).brokerUser(), TERMINAL_ROLE))
                .orElse(null);
    }

    /** The client's IP address, without the port: {@code /10.0.0.7:53122} → {@code 10.0.0.7}. */
    static String clientAddress(RemotingConnection connection) {
        String remote = String.valueOf(connection.getRemoteAddress());
        int slash = remote.lastIndexOf('/');
        String hostAndPort = slash >= 0 ? remote.substring(slash + 1) : remote;
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon > 0 ? hostAndPort.substring(0, colon) : hostAndPort;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null || roles == null) {
            return false;
        }
        boolean granted = false;
        for (Role role : roles) {
            if (checkType.hasRole(role) && hasRole(subject, role.getName())) {
                granted = true;
                break;
            }
        }
        if (!granted || hasRole(subject, HUB_ROLE)) {
            return granted;
        }
        return ownAddress(subject, address);
    }

    private static boolean isTerminalProtocol(String protocolName) {
        return TERMINAL_PROTOCOLS.contains(protocolName) || MQTT_5.equals(protocolName);
    }

    private static boolean ownAddress(Subject subject, String address) {
        String plain = address == null ? "" : address;
        int queueSeparator = plain.indexOf("::");
        if (queueSeparator >= 0) {
            plain = plain.substring(0, queueSeparator);
        }
        String target = plain;
        return subject.getPrincipals(UserPrincipal.class).stream()
                .map(Principal::getName)
                .flatMap(name -> TerminalAddress.ofBrokerUser(name).stream())
                .anyMatch(t -> t.ingress().equals(target) || t.replies().equals(target));
    }

    private static boolean hasRole(Subject subject, String role) {
        return subject.getPrincipals(RolePrincipal.class).stream().anyMatch(p -> p.getName().equals(role));
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        subject.setReadOnly();
        return subject;
    }

    private static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    // Artemis calls the two methods above on an ActiveMQSecurityManager5; these older entry points are never used.
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }
}
