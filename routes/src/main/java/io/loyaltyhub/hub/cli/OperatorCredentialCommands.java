package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.OperatorCredentials;
import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Credentials of the operator HTTP API (/operator/v1, docs/households.md). */
final class OperatorCredentialCommands {
    private OperatorCredentialCommands() {
    }

    private abstract static class CredentialCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        <T> T withCredentials(Function<OperatorCredentials, T> work) {
            HubSettings s = settings.load();
            try (Database db = Database.open(s.databaseConfig(2))) {
                return work.apply(new OperatorCredentials(db,
                        s.ids(IdSource.COMMAND_LINE), Clock.systemUTC(),
                        Argon2idHasher.recommended()));
            }
        }
    }

    @Command(name = "operator-credential-add", mixinStandardHelpOptions = true,
            description = "Issue a credential for the operator HTTP API; prints its id and secret once.")
    static final class Add extends CredentialCommand {
        @Override
        public Integer call() {
            OperatorCredentials.Issued issued = withCredentials(OperatorCredentials::issue);
            System.out.printf("operator credential (shown once; it reaches every member's cards and households):%n"
                    + "  id:     %s%n  secret: %s%n", issued.credentialId(), issued.secret());
            return 0;
        }
    }

    @Command(name = "operator-credential-revoke", mixinStandardHelpOptions = true,
            description = "Revoke an operator credential (running hubs refuse it from its next request).")
    static final class Revoke extends CredentialCommand {
        @Option(names = "--credential", required = true, description = "the credential id (opr-…)") String credential;

        @Override
        public Integer call() {
            if (!withCredentials(c -> c.revoke(credential))) {
                throw new IllegalArgumentException("no active operator credential " + credential);
            }
            System.out.printf("operator credential %s revoked%n", credential);
            return 0;
        }
    }
}
