package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.ledger.ChainFault;
import io.loyaltyhub.domain.ledger.LedgerVerification;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubKeys;
import io.loyaltyhub.hub.keys.HubStatementSigner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The tamper-evident ledger (docs/settlement.md). */
final class LedgerCommands {
    /** Exit code when the ledger no longer matches its chains. */
    static final int TAMPERED = 1;

    private LedgerCommands() {
    }

    @Command(name = "ledger-verify", mixinStandardHelpOptions = true,
            description = "Walk every merchant's ledger hash chain and name each entry that was edited, deleted, inserted "
                    + "or moved since it was written, and check the signed statements against the chains; exit 1 when any "
                    + "fault is found.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Override
        public Integer call() {
            HubSettings s = settings.load();
            try (Database db = Database.open(s.databaseConfig(2))) {
                boolean keystore = java.nio.file.Files.exists(HubKeys.keystoreFile(s));
                if (!keystore) {
                    System.out.println("no keystore here: the signed statements' chain hashes are checked, not their signatures");
                }
                LedgerVerification.Result result = keystore
                        ? new LedgerVerification(db, HubStatementSigner.checkWith(HubKeys.open(s).signingPublicKey())).verifyAll()
                        : new LedgerVerification(db).verifyAll();
                for (ChainFault fault : result.faults()) {
                    System.out.println(fault);
                }
                if (result.intact()) {
                    System.out.printf("ledger intact: %d entries in %d merchant chain(s)%n", result.entriesChecked(),
                            result.chains());
                    return 0;
                }
                System.out.printf("ledger-tampered: %d fault(s) in %d entries of %d merchant chain(s)%n",
                        result.faults().size(), result.entriesChecked(), result.chains());
                return TAMPERED;
            }
        }
    }
}
