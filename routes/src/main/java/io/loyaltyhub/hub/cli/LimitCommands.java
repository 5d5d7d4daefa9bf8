package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TransactionLimitSettings;
import io.loyaltyhub.domain.admin.TransactionLimitSettings.Limits;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The operator's limits (docs/limits.md): set them, list them, list what they declined. */
final class LimitCommands {
    private LimitCommands() {
    }

    private abstract static class LimitCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        interface Work {
            void run(TransactionLimitSettings limits, CoalitionAdmin admin);
        }

        Integer with(Work work) {
            HubSettings s = settings.load();
            try (Database db = Database.open(s.databaseConfig(2))) {
                IdGenerator ids = s.ids(IdSource.COMMAND_LINE);
                work.run(new TransactionLimitSettings(db, ids, Clock.systemUTC()), new CoalitionAdmin(db, ids, Clock.systemUTC()));
            }
            return 0;
        }
    }

    @Command(name = "limit-set", mixinStandardHelpOptions = true,
            description = "Set the limits of the whole programme, or of one merchant (--merchant); a limit left out is no limit. "
                    + "A transaction must pass both the programme's and its merchant's.")
    static final class Set extends LimitCommand {
        @Option(names = "--merchant", paramLabel = "CODE", description = "the merchant (default: the whole programme)") String merchant;
        @Option(names = "--max-amount", paramLabel = "MINOR", description = "largest amount of one sale or refund, in minor units") Long maxAmount;
        @Option(names = "--swipes-per-card-hour", paramLabel = "N", description = "transactions one card may make per clock hour") Long swipes;
        @Option(names = "--redeemed-per-card-day", paramLabel = "POINTS", description = "points one card may redeem per UTC day") Long redeemed;
        @Option(names = "--txns-per-terminal-minute", paramLabel = "N", description = "transactions one terminal may send per minute") Long perTerminal;

        @Override
        public Integer call() {
            return with((limits, admin) -> {
                limits.set(merchant == null ? null : admin.merchantByCode(merchant), new Limits(maxAmount, swipes, redeemed, perTerminal));
                System.out.printf("limits of %s set (running hubs apply them from their next batch)%n",
                        merchant == null ? "the programme" : merchant);
            });
        }
    }

    @Command(name = "limits", mixinStandardHelpOptions = true, description = "List the programme's and each merchant's limits.")
    static final class ListLimits extends LimitCommand {
        @Override
        public Integer call() {
            return with((limits, admin) -> {
                Map<Long, String> codes = new HashMap<>();
                admin.listMerchantsAcrossTenants().forEach(m -> codes.put(m.getId(), m.getCode()));
                for (TransactionLimitSettings.Scoped s : limits.all()) {
                    Limits l = s.limits();
                    System.out.printf("%-20s max-amount %s, swipes-per-card-hour %s, redeemed-per-card-day %s, "
                            + "txns-per-terminal-minute %s%n", s.merchant() == null ? "programme" : codes.get(s.merchant().value()),
                            show(l.maxAmountMinor()), show(l.swipesPerCardHour()), show(l.redeemedPerCardDay()),
                            show(l.txnsPerTerminalMinute()));
                }
            });
        }

        private static String show(Long value) {
            return value == null ? "-" : value.toString();
        }
    }

    @Command(name = "limit-refusals", mixinStandardHelpOptions = true,
            description = "List transactions a limit declined, newest first: the start of a fraud review.")
    static final class Refusals extends LimitCommand {
        @Option(names = "--merchant", paramLabel = "CODE", description = "only this merchant's (default: every merchant's)") String merchant;
        @Option(names = "--limit", defaultValue = "50", description = "at most this many per merchant (default 50)") int limit;

        @Override
        public Integer call() {
            return with((limits, admin) -> {
                Map<String, MerchantId> merchants = new LinkedHashMap<>();
                if (merchant != null) {
                    merchants.put(merchant, admin.merchantByCode(merchant));
                } else {
                    admin.listMerchantsAcrossTenants().forEach(m -> merchants.put(m.getCode(), new MerchantId(m.getId())));
                }
                int listed = 0;
                for (Map.Entry<String, MerchantId> m : merchants.entrySet()) {
                    for (TransactionLimitSettings.Refusal r : limits.refusals(m.getValue(), limit)) {
                        System.out.printf("%s merchant %s terminal %s ref %s %s ****%s amount %d %s points %d: %s (limit %d)%n",
                                r.refusedAt(), m.getKey(), r.terminalCode(), r.txnRef(), r.kind(), r.last4(), r.amountMinor(),
                                r.currency(), r.points(), r.resultCode(), r.limit());
                        listed++;
                    }
                }
                System.out.printf("%d refusal(s)%n", listed);
            });
        }
    }
}
