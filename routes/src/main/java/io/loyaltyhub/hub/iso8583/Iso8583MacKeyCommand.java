package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.terminal.JdbcTerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The operator gives a terminal an ISO 8583 MAC key (from then on it must sign with field 64), replaces
 * it, or takes it away. A generated key is printed this once, to be loaded into the terminal; the hub
 * keeps it only wrapped. Opens the hub's database directly, like the other onboarding commands.
 */
@Command(name = "iso8583-mac-key", mixinStandardHelpOptions = true,
        description = "Set, generate or remove a terminal's ISO 8583 MAC key (ISO 9797-1 retail MAC, 32 hex characters).")
public final class Iso8583MacKeyCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with hub.* settings")
    Path configFile;
    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "override one setting")
    Map<String, String> overrides = new LinkedHashMap<>();
    @Option(names = "--merchant", required = true, description = "merchant code (what the terminal sends in field 42)")
    String merchant;
    @Option(names = "--terminal", required = true, description = "terminal code (what the terminal sends in field 41)")
    String terminal;
    @ArgGroup(multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--key", paramLabel = "HEX", description = "the key to set, 32 hex characters")
        String key;
        @Option(names = "--generate", description = "generate a random key and print it once")
        boolean generate;
        @Option(names = "--remove", description = "remove the terminal's key (it may then send unsigned messages)")
        boolean remove;
    }

    @Override
    public Integer call() {
        HubSettings settings = io.loyaltyhub.hub.cli.ExistingHubData.require(HubSettings.load(configFile, overrides));
        DatabaseConfig config = settings.databaseConfig(2);
        try (Database database = Database.open(config)) {
            TerminalIdentity identity = new JdbcTerminalDirectory(database, Clock.systemUTC(), Duration.ZERO)
                    .findTerminalAcrossMerchants(merchant, terminal)
                    .orElseThrow(() -> new IllegalArgumentException("no active terminal " + terminal + " of merchant " + merchant));
            JdbcTerminalMacKeys keys = new JdbcTerminalMacKeys(database, io.loyaltyhub.hub.keys.HubKeys.open(settings).masterKey(),
                    Clock.systemUTC());
            if (action.remove) {
                keys.remove(identity.merchantId(), identity.terminalId());
                System.out.printf("terminal %s of %s has no MAC key any more%n", terminal, merchant);
                return 0;
            }
            String hex = action.generate ? randomKey() : action.key;
            String checkValue = keys.assign(identity.merchantId(), identity.terminalId(), hex);
            if (action.generate) {
                System.out.printf("MAC key for terminal %s of %s (shown once, load it into the terminal): %s%n", terminal, merchant, hex);
            }
            System.out.printf("terminal %s of %s now signs with the key of check value %s%n", terminal, merchant, checkValue);
            return 0;
        }
    }

    private static String randomKey() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().withUpperCase().formatHex(key);
    }
}
