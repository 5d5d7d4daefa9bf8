package io.loyaltyhub.hub.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loyalty-bench household-scale}: households at the scale of issue 14 (see {@link HouseholdScale}). */
@Command(name = "household-scale", mixinStandardHelpOptions = true,
        description = "Seed cards in households on a MySQL-compatible server and measure linking, household swipes "
                + "against single-card swipes, and the expiry run; prints figures (docs/performance.md).")
public final class HouseholdScaleCommand implements Callable<Integer> {

    @Option(names = "--mysql-url", defaultValue = "jdbc:mysql://127.0.0.1:3306/",
            description = "server to measure on (a fresh database is created and dropped; default ${DEFAULT-VALUE})")
    String mysqlUrl;

    @Option(names = "--mysql-user", defaultValue = "root", description = "its user (default ${DEFAULT-VALUE})")
    String mysqlUser;

    @Option(names = "--mysql-password", defaultValue = "", description = "its password (default: none)")
    String mysqlPassword;

    @Option(names = "--cards", defaultValue = "500000", description = "cards to seed (default ${DEFAULT-VALUE})")
    int cards;

    @Option(names = "--households", defaultValue = "220000", description = "households they are in (default ${DEFAULT-VALUE})")
    int households;

    @Override
    public Integer call() throws Exception {
        if (households < 1 || cards < households) {
            System.err.println("--cards must be at least --households, and --households at least 1");
            return 2;
        }
        HouseholdScale.main(new String[] {mysqlUrl, mysqlUser, mysqlPassword, Integer.toString(cards), Integer.toString(households)});
        return 0;
    }
}
