package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.Totp;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.portal.MerchantUsers;
import io.loyaltyhub.domain.portal.NewMerchantUser;
import io.loyaltyhub.hub.config.HubSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The operator's commands for the people who sign in to the merchant portal (docs/portal.md). */
final class MerchantUserCommands {
    private MerchantUserCommands() {
    }

    private abstract static class UserCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--user", required = true, description = "user name: 1-32 of a-z, 0-9, '.', '_', '-'") String user;

        <T> T withUsers(Function<MerchantUsersAt, T> work) {
            HubSettings s = settings.load();
            IdGenerator ids = s.ids(IdSource.COMMAND_LINE);
            try (Database db = Database.open(s.databaseConfig(2))) {
                MerchantId id = new CoalitionAdmin(db, ids, Clock.systemUTC()).merchantByCode(merchant);
                return work.apply(new MerchantUsersAt(id, new MerchantUsers(db, ids, Clock.systemUTC(),
                        Argon2idHasher.recommended())));
            }
        }
    }

    private record MerchantUsersAt(MerchantId merchant, MerchantUsers users) {
    }

    @Command(name = "merchant-user-add", mixinStandardHelpOptions = true,
            description = "Create a person who signs in to the merchant portal; prints a generated password once "
                    + "(and, with --totp, the authenticator secret).")
    static final class Add extends UserCommand {
        @Option(names = "--name", required = true, description = "the person's name, as the portal shows it") String name;
        @Option(names = "--totp", description = "require a TOTP code (authenticator app) at sign-in too") boolean totp;

        @Override
        public Integer call() {
            NewMerchantUser made = withUsers(at -> at.users().add(at.merchant(), user, name, null, totp));
            print(System.out, merchant, made);
            return 0;
        }
    }

    @Command(name = "merchant-user-disable", mixinStandardHelpOptions = true,
            description = "Disable a merchant portal user: no further sign-in, and the user's open sessions end.")
    static final class Disable extends UserCommand {
        @Override
        public Integer call() {
            if (!withUsers(at -> at.users().disable(at.merchant(), user))) {
                throw new IllegalArgumentException("merchant " + merchant + " has no active portal user " + user);
            }
            System.out.printf("merchant %s portal user %s disabled%n", merchant, user);
            return 0;
        }
    }

    static void print(PrintStream out, String merchantCode, NewMerchantUser made) {
        out.printf("merchant %s portal user %s (%s) created; sign in at /portal/merchant/sign-in with%n"
                        + "  merchant: %s%n  user:     %s%n  password: %s   (shown once)%n", merchantCode,
                made.user().username(), made.user().displayName(), merchantCode, made.user().username(), made.password());
        if (made.totpSecret() != null) {
            out.printf("  authenticator secret: %s   (shown once; or add this address to the app:)%n  %s%n",
                    made.totpSecret(), Totp.provisioningUri("Loyalty Hub " + merchantCode, made.user().username(),
                            made.totpSecret()));
        }
    }
}
