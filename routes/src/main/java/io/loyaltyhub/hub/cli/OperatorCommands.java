package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.hub.config.HubSettings;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The operator's onboarding commands. They open the hub's database directly (also while the hub runs). */
final class OperatorCommands {
    private OperatorCommands() {
    }

    private abstract static class OperatorCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        <T> T withAdmin(Function<CoalitionAdmin, T> work) {
            HubSettings s = settings.load();
            DatabaseConfig config = s.databaseConfig(2);
            try (Database db = Database.open(config)) {
                // Operator commands make ids as the command line of this node (IdSource), never as a running hub does.
                return work.apply(new CoalitionAdmin(db, s.ids(IdSource.COMMAND_LINE),
                        Clock.systemUTC()));
            }
        }
    }

    @Command(name = "merchant-add", mixinStandardHelpOptions = true, description = "Onboard a merchant with an earn rate.")
    static final class MerchantAdd extends OperatorCommand {
        @Option(names = "--code", required = true, description = "the merchant's code: its inbox folder, what terminals name it by (letters, digits, _ or -)") String code;
        @Option(names = "--name", required = true, description = "the merchant's name, for people") String name;
        @Option(names = "--currency", defaultValue = "EUR", description = "ISO 4217 currency the earn rate is for (default: ${DEFAULT-VALUE})") String currency;
        @Option(names = "--points", defaultValue = "1", description = "points earned per --per minor units (default 1)") long points;
        @Option(names = "--per", defaultValue = "100", description = "minor units per --points (default 100)") long per;

        @Override
        public Integer call() {
            MerchantId id = withAdmin(a -> a.createMerchant(code, name, currency, new EarnRate(points, per)));
            System.out.printf("merchant %s created (id %d): %d point(s) per %d minor units of %s%n", code, id.value(),
                    points, per, currency);
            return 0;
        }
    }

    @Command(name = "merchants", mixinStandardHelpOptions = true, description = "List merchants.")
    static final class MerchantList implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Override
        public Integer call() throws SQLException {
            try (OperatorReadOnlyDatabase db = OperatorReadOnlyDatabase.open(settings.load())) {
                db.merchantsAcrossTenants().forEach(m -> System.out.printf("%-20s %-10s %s%n", m.code(), m.status(), m.name()));
            }
            return 0;
        }
    }

    @Command(name = "store-add", mixinStandardHelpOptions = true, description = "Add a store to a merchant.")
    static final class StoreAdd extends OperatorCommand {
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--code", required = true, description = "the store's code, unique within the merchant") String code;
        @Option(names = "--name", required = true, description = "the store's name, for people") String name;

        @Override
        public Integer call() {
            withAdmin(a -> a.addStore(a.merchantByCode(merchant), code, name));
            System.out.printf("store %s added to %s%n", code, merchant);
            return 0;
        }
    }

    @Command(name = "terminal-add", mixinStandardHelpOptions = true,
            description = "Add a terminal to a store; prints its credential once.")
    static final class TerminalAdd extends OperatorCommand {
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--store", required = true, description = "code of the merchant's store the terminal stands in") String store;
        @Option(names = "--code", required = true, description = "the terminal's code, unique within the merchant") String code;

        @Override
        public Integer call() {
            TerminalCredential c = withAdmin(a -> a.addTerminal(a.merchantByCode(merchant), store, code));
            printCredential(c);
            return 0;
        }
    }

    @Command(name = "terminal-reset", mixinStandardHelpOptions = true, description = "Give a terminal a new secret; prints it once.")
    static final class TerminalReset extends OperatorCommand {
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--code", required = true, description = "terminal code") String code;

        @Override
        public Integer call() {
            printCredential(withAdmin(a -> a.resetTerminalSecret(a.merchantByCode(merchant), code)));
            return 0;
        }
    }

    @Command(name = "programme-add", mixinStandardHelpOptions = true, description = "Define a card programme.")
    static final class ProgrammeAdd extends OperatorCommand {
        @Option(names = "--name", required = true, description = "the programme's name (range-issue --programme names it)") String name;
        @Option(names = "--prefix", required = true, description = "digits every card number of the programme starts with") String prefix;
        @Option(names = "--length", required = true, description = "how many digits its card numbers have") int length;
        @Option(names = "--check-digit", defaultValue = "LUHN", description = "LUHN or NONE") CheckDigitRule rule;

        @Override
        public Integer call() {
            withAdmin(a -> a.createCardProgramme(name, prefix, length, rule));
            System.out.printf("card programme %s: %d digits starting %s, check digit %s%n", name, length, prefix, rule);
            return 0;
        }
    }

    @Command(name = "range-issue", mixinStandardHelpOptions = true,
            description = "Issue a range of cards of a programme; they activate at their first swipe.")
    static final class RangeIssue extends OperatorCommand {
        @Option(names = "--programme", required = true, description = "the card programme's name") String programme;
        @Option(names = "--first", required = true, description = "first card number of the range") String first;
        @Option(names = "--last", required = true, description = "last card number of the range (inclusive)") String last;

        @Override
        public Integer call() {
            withAdmin(a -> {
                CardProgramme p = a.findCardProgramme(programme)
                        .orElseThrow(() -> new IllegalArgumentException("no card programme named " + programme));
                return a.issueCardRange(p, first, last);
            });
            System.out.printf("range issued for %s (running hubs pick it up within hub.card-catalog.refresh-seconds)%n", programme);
            return 0;
        }
    }

    static void printCredential(TerminalCredential c) {
        System.out.printf("terminal %s credential (shown once, store it in the terminal):%n  id:     %s%n  secret: %s%n",
                c.terminalCode(), c.credentialId(), c.secret());
    }
}
