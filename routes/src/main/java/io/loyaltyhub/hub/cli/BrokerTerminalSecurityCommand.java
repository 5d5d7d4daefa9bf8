package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.admin.OperatorQueries.MerchantRow;
import io.loyaltyhub.domain.admin.OperatorQueries.TerminalRow;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.hub.broker.terminals.ExternalBrokerSecurity;
import io.loyaltyhub.hub.broker.terminals.ExternalBrokerSecurity.BrokerTerminal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code broker-terminal-security}: the rights of broker-native terminals on an external Artemis broker, from the
 * terminals in the database — each active terminal may send to its own ingress address and read its own reply
 * address only; the hubs' role only consumes the ingress addresses and sends replies. Run it again after adding,
 * resetting or disabling a terminal, and put the output on the primary and the backup (docs/operations.md).
 */
@Command(name = "broker-terminal-security", mixinStandardHelpOptions = true,
        description = "Print the broker.xml security fragment (or the roles file, or the user commands) that lets each "
                + "active broker-native terminal use only its own two addresses on an external Artemis broker.")
final class BrokerTerminalSecurityCommand implements Callable<Integer> {
    enum Part { XML, ROLES, USERS }

    @Mixin
    SettingsOptions settings;
    @Option(names = "--hub-role", defaultValue = "amq",
            description = "the role of the hubs' broker user (default: amq, the role `artemis create` gives its user)")
    String hubRole;
    @Option(names = "--print", defaultValue = "XML", description = "XML (broker.xml fragment, default), ROLES "
            + "(artemis-roles.properties lines) or USERS (`artemis user add` commands, secrets to fill in)")
    Part part;

    @Override
    public Integer call() throws SQLException {
        List<BrokerTerminal> terminals = new ArrayList<>();
        int disabled = 0;
        List<MerchantRow> merchants;
        try (OperatorReadOnlyDatabase db = OperatorReadOnlyDatabase.open(settings.load())) {
            merchants = db.merchantsAcrossTenants();
            for (MerchantRow merchant : merchants) {
                for (TerminalRow terminal : db.terminals(new MerchantId(merchant.id()))) {
                    if (terminal.active() && "ACTIVE".equals(merchant.status())) {
                        terminals.add(new BrokerTerminal(merchant.code(), terminal.code()));
                    } else {
                        disabled++;
                    }
                }
            }
        }
        ExternalBrokerSecurity security = new ExternalBrokerSecurity(hubRole, terminals);
        System.out.print(switch (part) {
            case XML -> security.brokerXml("Loyalty Hub broker-terminal-security, " + Instant.now() + ": "
                    + terminals.size() + " active terminal(s) of " + merchants.size() + " merchant(s); " + disabled
                    + " disabled terminal(s) left out (they have no right). Put it on the primary and the backup.");
            case ROLES -> security.rolesFile();
            case USERS -> security.userCommands();
        });
        return 0;
    }
}
