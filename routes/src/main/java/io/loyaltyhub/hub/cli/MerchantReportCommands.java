package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.OperatorQueries;
import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.hub.config.HubSettings;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The operator's commands for merchant report access: issue a merchant credential, list report downloads. */
final class MerchantReportCommands {
    private MerchantReportCommands() {
    }

    private abstract static class DatabaseCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        <T> T withDatabase(Function<Database, T> work) {
            HubSettings s = settings.load();
            DatabaseConfig config = s.databaseConfig(2);
            try (Database db = Database.open(config)) {
                return work.apply(db);
            }
        }

        /** Operator commands use their own id node so ids never collide with a running hub's. */
        IdGenerator ids() {
            return settings.load().ids(IdSource.COMMAND_LINE);
        }
    }

    @Command(name = "merchant-credential-add", mixinStandardHelpOptions = true,
            description = "Issue a credential a merchant downloads its reports with; prints the secret once.")
    static final class CredentialAdd extends DatabaseCommand {
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;

        @Override
        public Integer call() {
            IdGenerator ids = ids();
            MerchantCredential c = withDatabase(db -> {
                MerchantId id = new CoalitionAdmin(db, ids, Clock.systemUTC()).merchantByCode(merchant);
                return new MerchantCredentials(db, ids, Clock.systemUTC(), Argon2idHasher.recommended(), Duration.ZERO, 1)
                        .issue(id);
            });
            printCredential(System.out, merchant, c);
            return 0;
        }
    }

    @Command(name = "merchant-credential-revoke", mixinStandardHelpOptions = true,
            description = "Revoke one of a merchant's report credentials (every running hub refuses it from its next "
                    + "request on).")
    static final class CredentialRevoke extends DatabaseCommand {
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--credential", required = true, description = "the credential id (mrc-...)") String credentialId;

        @Override
        public Integer call() {
            IdGenerator ids = ids();
            boolean revoked = withDatabase(db -> {
                MerchantId id = new CoalitionAdmin(db, ids, Clock.systemUTC()).merchantByCode(merchant);
                return new MerchantCredentials(db, ids, Clock.systemUTC(), Argon2idHasher.recommended(), Duration.ZERO, 1)
                        .revoke(id, credentialId);
            });
            if (!revoked) {
                throw new IllegalArgumentException("merchant " + merchant + " has no active report credential " + credentialId);
            }
            System.out.printf("merchant %s report credential %s revoked%n", merchant, credentialId);
            return 0;
        }
    }

    @Command(name = "report-downloads", mixinStandardHelpOptions = true,
            description = "List report downloads (newest first, at most 1000), of all merchants or of one.")
    static final class Downloads implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Option(names = "--merchant", description = "only this merchant's (code)") String merchant;

        @Override
        public Integer call() throws SQLException {
            try (OperatorReadOnlyDatabase db = OperatorReadOnlyDatabase.open(settings.load())) {
                Map<Long, String> codes = db.merchantsAcrossTenants().stream()
                        .collect(Collectors.toMap(OperatorQueries.MerchantRow::id, OperatorQueries.MerchantRow::code));
                List<OperatorQueries.DownloadRow> rows = merchant == null ? db.downloadsAcrossTenants()
                        : db.downloads(db.merchantId(merchant)
                                .orElseThrow(() -> new IllegalArgumentException("no merchant with code " + merchant)));
                System.out.printf("%-24s %-10s %-22s %-10s %-10s %9s %-5s %s%n", "started (UTC)", "merchant", "credential",
                        "report", "outcome", "rows", "fmt", "parameters");
                for (OperatorQueries.DownloadRow d : rows) {
                    System.out.printf("%-24s %-10s %-22s %-10s %-10s %9d %-5s %s%n", d.startedAt(),
                            codes.getOrDefault(d.merchantId(), "?"), d.credentialId(), d.report(),
                            d.outcome(), d.rowCount(), d.format(), d.parameters());
                }
            }
            return 0;
        }
    }

    static void printCredential(PrintStream out, String merchantCode, MerchantCredential c) {
        out.printf("merchant %s report credential (shown once; use it as HTTP Basic on /merchant/v1):%n  id:     %s%n"
                + "  secret: %s%n", merchantCode, c.credentialId(), c.secret());
    }
}
