package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.Totp;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.portal.NewOperatorUser;
import io.loyaltyhub.domain.portal.OperatorUsers;
import io.loyaltyhub.hub.config.HubSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands for the operator's people who sign in to the operator console (docs/portal.md). */
final class OperatorUserCommands {
    private OperatorUserCommands() {
    }

    private abstract static class UserCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;
        @Option(names = "--user", required = true, description = "user name: 1-32 of a-z, 0-9, '.', '_', '-'") String user;

        <T> T withUsers(Function<OperatorUsers, T> work) {
            HubSettings s = settings.load();
            IdGenerator ids = s.ids(IdSource.COMMAND_LINE);
            try (Database db = Database.open(s.databaseConfig(2))) {
                return work.apply(new OperatorUsers(db, ids, Clock.systemUTC(), Argon2idHasher.recommended()));
            }
        }
    }

    @Command(name = "operator-user-add", mixinStandardHelpOptions = true,
            description = "Create a person who signs in to the operator console; prints a generated password once "
                    + "(and, with --totp, the authenticator secret).")
    static final class Add extends UserCommand {
        @Option(names = "--name", required = true, description = "the person's name, as the console shows it") String name;
        @Option(names = "--totp", description = "require a TOTP code (authenticator app) at sign-in too") boolean totp;

        @Override
        public Integer call() {
            print(System.out, withUsers(users -> users.add(user, name, null, totp)));
            return 0;
        }
    }

    @Command(name = "operator-user-disable", mixinStandardHelpOptions = true,
            description = "Disable an operator console user: no further sign-in, and the user's open sessions end.")
    static final class Disable extends UserCommand {
        @Override
        public Integer call() {
            if (!withUsers(users -> users.disable(user))) {
                throw new IllegalArgumentException("there is no active operator user " + user);
            }
            System.out.printf("operator user %s disabled%n", user);
            return 0;
        }
    }

    static void print(PrintStream out, NewOperatorUser made) {
        out.printf("operator user %s (%s) created; sign in at /portal/operator/sign-in with%n"
                        + "  user:     %s%n  password: %s   (shown once)%n", made.user().username(),
                made.user().displayName(), made.user().username(), made.password());
        if (made.totpSecret() != null) {
            out.printf("  authenticator secret: %s   (shown once; or add this address to the app:)%n  %s%n",
                    made.totpSecret(), Totp.provisioningUri("Loyalty Hub operator", made.user().username(),
                            made.totpSecret()));
        }
    }
}
