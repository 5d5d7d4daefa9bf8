package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** When points expire, and the expiry job (docs/expiry.md). */
final class ExpiryCommands {
    private ExpiryCommands() {
    }

    private abstract static class ExpiryCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        <T> T with(Function<PointsExpiry, T> work) {
            HubSettings s = settings.load();
            try (Database db = Database.open(s.databaseConfig(2))) {
                return work.apply(new PointsExpiry(db, s.ids(IdSource.COMMAND_LINE),
                        Clock.systemUTC()));
            }
        }
    }

    static final class Rule {
        @Option(names = "--months-after-earning", paramLabel = "N", description = "points expire N months after they were credited")
        Integer months;
        @Option(names = "--end-of-year-after-earning", description = "points expire at the end of the year after the year they were credited")
        boolean endOfYear;
        @Option(names = "--never", description = "points never expire")
        boolean never;
    }

    @Command(name = "expiry-set", mixinStandardHelpOptions = true, description = "Set when the programme's points expire.")
    static final class Set extends ExpiryCommand {
        @ArgGroup(multiplicity = "1") Rule rule;

        @Override
        public Integer call() {
            Optional<ExpiryPolicy> policy = rule.never ? Optional.empty()
                    : Optional.of(rule.endOfYear ? ExpiryPolicy.endOfYearAfterEarning() : ExpiryPolicy.monthsAfterEarning(rule.months));
            with(expiry -> {
                expiry.setPolicy(policy);
                return null;
            });
            System.out.printf("points expire %s; a running hub expires what is due daily (hub.jobs.daily-at), "
                    + "points-expire does it now%n",
                    policy.map(ExpiryPolicy::toString).orElse("never"));
            return 0;
        }
    }

    @Command(name = "points-expire", mixinStandardHelpOptions = true,
            description = "Expire the points that are due now, oldest lots first; safe to stop and to run again (nothing expires twice).")
    static final class Run extends ExpiryCommand {
        @Override
        public Integer call() {
            with(expiry -> expiry.run(System.out::println));
            return 0;
        }
    }
}
