package io.loyaltyhub.hub.broker.terminals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The security of broker-native terminals on an external Artemis broker, as broker.xml text: each terminal's role
 * may send to its own ingress address and read its own reply address, nothing else; the hubs' role may consume the
 * ingress addresses and send replies, and never send as a terminal. What the embedded broker does in code
 * ({@link TerminalBrokerSetup}, {@link TerminalBrokerSecurity}), written out for a broker the hub does not run.
 * Terminals log in as {@code <merchant>.<terminal>} with their secret (the broker's users file, {@link #userCommands}),
 * the name the embedded broker gives their login, each with its own role {@code terminal.<merchant>.<terminal>}
 * ({@link #rolesFile}); the hub's {@link SenderStamp} plugin on the broker stamps that name on their messages.
 */
public final class ExternalBrokerSecurity {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** One terminal that may use the broker: its merchant's and its own code. */
    public record BrokerTerminal(String merchantCode, String terminalCode) {
        public BrokerTerminal {
            new TerminalAddress(merchantCode, terminalCode); // the codes an address can carry, or an exception
        }

        /** The user it logs in as on the external broker: the name the embedded broker gives its login. */
        String user() {
            return address().brokerUser();
        }

        String role() {
            return "terminal." + merchantCode + "." + terminalCode;
        }

        TerminalAddress address() {
            return new TerminalAddress(merchantCode, terminalCode);
        }
    }

    private final String hubRole;
    private final List<BrokerTerminal> terminals;

    public ExternalBrokerSecurity(String hubRole, List<BrokerTerminal> terminals) {
        if (!CODE.matcher(hubRole).matches()) {
            throw new IllegalArgumentException("not a role name: " + hubRole);
        }
        this.hubRole = hubRole;
        this.terminals = List.copyOf(terminals);
    }

    /** The {@code <security-setting>} and {@code <address-setting>} elements, with where each goes in broker.xml. */
    public String brokerXml(String heading) {
        return "<!-- " + heading + " -->\n"
                + "<!-- Inside <core>: every message sent to pos.in.# carries the login that sent it, for the hubs' check"
                + " (loyalty-hub.jar in the broker's lib/ folder). -->\n"
                + "<broker-plugins>\n   <broker-plugin class-name=\"" + SenderStamp.class.getName() + "\"/>\n</broker-plugins>\n\n"
                + "<!-- Inside <security-settings>, beside the broker's own \"#\" setting (which gives role " + hubRole
                + " everything elsewhere). A terminal not listed here has no right on pos.in or pos.out. -->\n"
                + securitySettings() + "\n"
                + "<!-- Inside <address-settings>: ingress in memory only (a full address refuses, never pages card numbers to"
                + " disk), replies bounded (docs/broker-terminals.md). -->\n"
                + addressSettings();
    }

    /** The {@code <security-setting>} elements: the hubs' rights on every terminal address, each terminal's on its own. */
    public String securitySettings() {
        List<String> out = new ArrayList<>();
        out.add(setting(TerminalAddress.ALL_INGRESS, List.of(
                permission("consume", hubRole), permission("createNonDurableQueue", hubRole),
                permission("deleteNonDurableQueue", hubRole), permission("browse", hubRole))));
        out.add(setting(TerminalAddress.ALL_REPLIES, List.of(
                permission("send", hubRole), permission("createAddress", hubRole))));
        for (BrokerTerminal t : terminals) {
            String both = hubRole + "," + t.role();
            out.add(setting(t.address().ingress(), List.of(
                    permission("send", t.role()), permission("createAddress", t.role()),
                    permission("consume", hubRole), permission("createNonDurableQueue", hubRole),
                    permission("deleteNonDurableQueue", hubRole))));
            out.add(setting(t.address().replies(), List.of(
                    permission("send", hubRole), permission("createAddress", both), permission("consume", t.role()),
                    permission("createNonDurableQueue", t.role()), permission("deleteNonDurableQueue", t.role()),
                    permission("createDurableQueue", t.role()), permission("deleteDurableQueue", t.role()))));
        }
        return String.join("\n", out) + "\n";
    }

    /** The {@code <address-setting>} elements of the terminal addresses, as the embedded broker has them. */
    public String addressSettings() {
        return "<address-setting match=\"" + TerminalAddress.ALL_INGRESS + "\">\n"
                + "   <dead-letter-address>" + TerminalBrokerSetup.INGRESS_DISCARD + "</dead-letter-address>\n"
                + "   <expiry-address>" + TerminalBrokerSetup.INGRESS_DISCARD + "</expiry-address>\n"
                + "   <max-size-bytes>4MiB</max-size-bytes>\n"
                + "   <address-full-policy>FAIL</address-full-policy>\n"
                + "   <auto-create-queues>false</auto-create-queues>\n"
                + "   <auto-create-addresses>true</auto-create-addresses>\n"
                + "   <auto-delete-addresses>true</auto-delete-addresses>\n"
                + "   <default-address-routing-type>MULTICAST</default-address-routing-type>\n"
                + "</address-setting>\n"
                + "<address-setting match=\"" + TerminalAddress.ALL_REPLIES + "\">\n"
                + "   <expiry-address>" + TerminalBrokerSetup.REPLY_DISCARD + "</expiry-address>\n"
                + "   <max-size-bytes>1MiB</max-size-bytes>\n"
                + "   <address-full-policy>DROP</address-full-policy>\n"
                + "   <auto-create-queues>true</auto-create-queues>\n"
                + "   <auto-create-addresses>true</auto-create-addresses>\n"
                + "   <auto-delete-addresses>true</auto-delete-addresses>\n"
                + "   <default-address-routing-type>MULTICAST</default-address-routing-type>\n"
                + "</address-setting>\n";
    }

    /** The lines of artemis-roles.properties that give each terminal's user its own role. */
    public String rolesFile() {
        StringBuilder out = new StringBuilder();
        for (BrokerTerminal t : terminals) {
            out.append(t.role()).append('=').append(t.user()).append('\n');
        }
        return out.toString();
    }

    /** The broker CLI's commands that add each terminal's user, its secret left for the operator to fill in. */
    public String userCommands() {
        StringBuilder out = new StringBuilder();
        for (BrokerTerminal t : terminals) {
            out.append("bin/artemis user add --user ").append(t.user())
                    .append(" --password \"$SECRET_OF_").append((t.merchantCode() + "_" + t.terminalCode())
                            .toUpperCase(Locale.ROOT).replace('-', '_'))
                    .append("\" --role ").append(t.role()).append('\n');
        }
        return out.toString();
    }

    private static String setting(String match, List<String> permissions) {
        return "<security-setting match=\"" + match + "\">\n" + String.join("\n", permissions) + "\n</security-setting>";
    }

    private static String permission(String type, String roles) {
        return "   <permission type=\"" + type + "\" roles=\"" + roles + "\"/>";
    }
}
