package io.loyaltyhub.hub.cli;

import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Operator commands work on the data of a hub that exists. Run in the wrong folder, they used to create an
 * empty hub-data/ there (the embedded database makes its file on first connection) and then report that
 * nothing was found. Only {@code run} and {@code keys-init} may create a hub's data; every other command
 * refuses, saying where it looked.
 */
public final class ExistingHubData {

    private ExistingHubData() {
    }

    public static HubSettings require(HubSettings settings) {
        if (settings.embeddedDatabase()) {
            Path database = settings.dataDir().resolve("db").resolve("loyalty.mv.db");
            // A data folder made by 'keys-init' (the production way to start a coalition) has its keystore and no
            // database yet: the first operator command creates the schema, as 'run' would.
            boolean initialised = Files.isRegularFile(io.loyaltyhub.hub.keys.HubKeys.keystoreFile(settings));
            if (!Files.isRegularFile(database) && !initialised) {
                throw new IllegalArgumentException("no hub data in " + settings.dataDir().toAbsolutePath()
                        + " (no database at " + database.toAbsolutePath() + "): run this command in the folder the hub "
                        + "runs in, or point it at the hub's data with -s hub.data-dir=DIR (or --config FILE); "
                        + "only 'run' and 'keys-init' create a new data folder (then any command can set the coalition up)");
            }
        }
        return settings;
    }
}
