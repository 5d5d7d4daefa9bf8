package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.crypto.RequestSigning;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.terminal.JdbcTerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.http.TerminalSigningKeys;
import io.loyaltyhub.hub.keys.HubKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Request signing for HTTP terminals (docs/http-json.md#signed-requests). */
final class SigningCommands {
    private SigningCommands() {
    }

    @Command(name = "terminal-signing-key", mixinStandardHelpOptions = true,
            description = "Give an HTTP terminal a request-signing secret (printed once; from then on it must sign), or remove it.")
    static final class TerminalSigningKey implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--terminal", required = true, description = "terminal code") String terminal;
        @ArgGroup(multiplicity = "1")
        Action action;

        static final class Action {
            @Option(names = "--generate", description = "generate a new secret and print it once") boolean generate;
            @Option(names = "--remove", description = "remove the secret (the terminal may then send unsigned requests)") boolean remove;
        }

        @Override
        public Integer call() {
            HubSettings s = settings.load();
            byte[] master = HubKeys.open(s).masterKey();
            try (Database db = Database.open(s.databaseConfig(2))) {
                TerminalIdentity identity = new JdbcTerminalDirectory(db, Clock.systemUTC(), Duration.ZERO)
                        .findTerminalAcrossMerchants(merchant, terminal)
                        .orElseThrow(() -> new IllegalArgumentException("no active terminal " + terminal + " of merchant " + merchant));
                TerminalSigningKeys keys = new TerminalSigningKeys(db, master, Clock.systemUTC(), Duration.ZERO);
                if (action.remove) {
                    keys.remove(identity.merchantId(), identity.terminalId());
                    System.out.printf("terminal %s of %s has no signing key any more%n", terminal, merchant);
                } else {
                    String secret = keys.generate(identity.merchantId(), identity.terminalId());
                    System.out.printf("signing secret for terminal %s of %s (shown once, store it in the terminal):%n  %s%n"
                            + "running hubs require signatures from it within hub.terminal-cache.ttl-seconds%n", terminal, merchant, secret);
                }
            }
            return 0;
        }
    }

    @Command(name = "sign-request", mixinStandardHelpOptions = true,
            description = "Print the signature headers for one request body, as curl -H options (for trying signed terminals by hand).")
    static final class SignRequest implements Callable<Integer> {
        @Option(names = "--secret", required = true, description = "the terminal's signing secret") String secret;
        @Option(names = "--body", required = true, description = "the exact JSON body that will be sent") String body;
        @Option(names = "--path", defaultValue = "/pos/v1/transactions", description = "the request path that will be signed (default: ${DEFAULT-VALUE})") String path;

        @Override
        public Integer call() {
            Map<String, String> headers = RequestSigning.headers(RequestSigning.secretFromText(secret), "POST", path,
                    body.getBytes(StandardCharsets.UTF_8), Instant.now());
            StringBuilder out = new StringBuilder();
            headers.forEach((name, value) -> out.append("-H '").append(name).append(": ").append(value).append("' "));
            System.out.println(out.toString().trim());
            return 0;
        }
    }
}
