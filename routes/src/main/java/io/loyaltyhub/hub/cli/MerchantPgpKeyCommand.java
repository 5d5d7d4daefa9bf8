package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.pgp.MerchantPgpKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "merchant-pgp-key", mixinStandardHelpOptions = true,
        description = "Register a merchant's OpenPGP public key (ASCII-armored, e.g. from gpg --armor --export) for encrypted reports; prints its fingerprint.")
final class MerchantPgpKeyCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settings;
    @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
    @Option(names = "--file", required = true, description = "the armored public key") Path file;

    @Override
    public Integer call() throws IOException {
        HubSettings s = settings.load();
        String armored = Files.readString(file, StandardCharsets.US_ASCII);
        try (Database db = Database.open(s.databaseConfig(2))) {
            CoalitionAdmin admin = new CoalitionAdmin(db, s.ids(IdSource.COMMAND_LINE), Clock.systemUTC());
            String fingerprint = new MerchantPgpKeys(db, Clock.systemUTC()).register(admin.merchantByCode(merchant), armored);
            System.out.printf("OpenPGP key of %s registered, fingerprint %s (compare it with the merchant's)%n", merchant, fingerprint);
        }
        return 0;
    }
}
