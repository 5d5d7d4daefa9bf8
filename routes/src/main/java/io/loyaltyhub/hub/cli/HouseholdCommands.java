package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.household.BlockReason;
import io.loyaltyhub.domain.household.CardLifecycle;
import io.loyaltyhub.domain.household.HouseholdView;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.household.LeaveSplit;
import io.loyaltyhub.domain.household.MemberOperationRefused;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubKeyStore;
import io.loyaltyhub.hub.keys.HubKeys;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The operator's household and card-lifecycle commands (docs/households.md). Card numbers are read, turned into
 * tokens and forgotten at once; a refusal prints its stable code ({@code error: card-in-another-household: …}) and
 * changes nothing. They work while hubs run: the engine reads a card's status and account in every batch.
 */
final class HouseholdCommands {
    private HouseholdCommands() {
    }

    /** What a command works with: the card reader of the hub's keys, and the two operator services. */
    record Tools(Function<String, PresentedCard> cards, Households households, CardLifecycle lifecycle) {
        PresentedCard read(String number) {
            return cards.apply(number);
        }
    }

    abstract static class HouseholdCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        abstract HouseholdView work(Tools tools, String actor);

        abstract String done(HouseholdView view);

        @Override
        public Integer call() {
            HubSettings s = settings.load();
            HubKeyStore keys = HubKeys.open(s);
            try (Database db = Database.open(s.databaseConfig(2))) {
                IdGenerator ids = s.ids(IdSource.COMMAND_LINE);
                CoalitionAdmin admin = new CoalitionAdmin(db, ids, Clock.systemUTC());
                var reader = LoyaltyHub.cardReader(keys, admin::loadCardCatalog);
                Tools tools = new Tools(reader::read, new Households(db, ids, Clock.systemUTC()),
                        new CardLifecycle(db, ids, Clock.systemUTC()));
                HouseholdView view = work(tools, "cli:" + System.getProperty("user.name", "operator"));
                String line = done(view);
                if (!line.isEmpty()) {
                    System.out.println(line);
                }
                print(view);
                return 0;
            } catch (MemberOperationRefused e) {
                throw new IllegalArgumentException(e.refusal().code() + ": " + e.getMessage(), e);
            }
        }

        static void print(HouseholdView view) {
            System.out.printf("household %d: balance %d, %d card(s)%n", view.accountId(), view.balance(), view.cards().size());
            view.cards().forEach(k -> System.out.printf("  ****%s %s%s%n", k.last4(), k.status(),
                    k.reason() == null ? "" : " (" + k.reason() + ")"));
        }
    }

    /** A household named by its id or by one of its cards. */
    static final class Household {
        @Option(names = "--household", paramLabel = "ID", description = "the household's id (as household-show prints it)")
        Long id;
        @Option(names = "--with-card", paramLabel = "NUMBER", description = "a card already in the household")
        String card;

        long resolve(Tools tools) {
            return id != null ? id : tools.households().householdOf(tools.read(card));
        }
    }

    @Command(name = "household-show", mixinStandardHelpOptions = true, description = "Show a household: its balance and cards.")
    static final class Show extends HouseholdCommand {
        @ArgGroup(multiplicity = "1") Household household;

        @Override
        HouseholdView work(Tools tools, String actor) {
            return tools.households().show(household.resolve(tools));
        }

        @Override
        String done(HouseholdView view) {
            return "";
        }
    }

    @Command(name = "household-link", mixinStandardHelpOptions = true,
            description = "Put a card into a household: its points move in with it (an issued card never used is activated into it).")
    static final class Link extends HouseholdCommand {
        @Option(names = "--card", required = true, paramLabel = "NUMBER", description = "the card to link") String card;
        @ArgGroup(multiplicity = "1") Household household;

        @Override
        HouseholdView work(Tools tools, String actor) {
            return tools.households().link(tools.read(card), household.resolve(tools), actor);
        }

        @Override
        String done(HouseholdView view) {
            return "card linked; " + view.pointsMoved() + " point(s) moved into the household";
        }
    }

    @Command(name = "household-leave", mixinStandardHelpOptions = true,
            description = "A card leaves its household for an account of its own; by default the points stay with the household.")
    static final class Leave extends HouseholdCommand {
        @Option(names = "--card", required = true, paramLabel = "NUMBER", description = "the card that leaves") String card;
        @Option(names = "--take", paramLabel = "POINTS", description = "points the card takes along (at most the household's balance)")
        Long take;
        @Option(names = "--even-share", description = "the card takes floor(balance / cards) of the household's points")
        boolean evenShare;

        @Override
        HouseholdView work(Tools tools, String actor) {
            if (take != null && evenShare) {
                throw new IllegalArgumentException("give --take or --even-share, not both");
            }
            LeaveSplit split = take != null ? LeaveSplit.points(take) : evenShare ? LeaveSplit.evenShare() : LeaveSplit.none();
            return tools.households().leave(tools.read(card), split, actor);
        }

        @Override
        String done(HouseholdView view) {
            return "card left its household with " + view.pointsMoved() + " point(s)";
        }
    }

    @Command(name = "household-merge", mixinStandardHelpOptions = true,
            description = "Merge one household into another: every card, the balance and the personal data move; the first is closed.")
    static final class Merge extends HouseholdCommand {
        @Option(names = "--from", required = true, paramLabel = "ID", description = "the household that is merged (and closed)") long from;
        @Option(names = "--into", required = true, paramLabel = "ID", description = "the household that takes it in") long into;

        @Override
        HouseholdView work(Tools tools, String actor) {
            return tools.households().merge(from, into, actor);
        }

        @Override
        String done(HouseholdView view) {
            return "household " + from + " merged; " + view.pointsMoved() + " point(s) moved";
        }
    }

    @Command(name = "card-activate", mixinStandardHelpOptions = true,
            description = "Activate an issued card before its first transaction (an account of its own).")
    static final class Activate extends HouseholdCommand {
        @Option(names = "--card", required = true, paramLabel = "NUMBER", description = "the issued card") String card;

        @Override
        HouseholdView work(Tools tools, String actor) {
            return tools.lifecycle().activate(tools.read(card), actor);
        }

        @Override
        String done(HouseholdView view) {
            return "card activated";
        }
    }

    @Command(name = "card-block", mixinStandardHelpOptions = true,
            description = "Block a card: its transactions are declined (card-blocked) on every channel until it is unblocked.")
    static final class Block extends HouseholdCommand {
        @Option(names = "--card", required = true, paramLabel = "NUMBER", description = "the card to block") String card;
        @Option(names = "--reason", required = true, description = "LOST, STOLEN, DAMAGED or OTHER") BlockReason reason;

        @Override
        HouseholdView work(Tools tools, String actor) {
            return tools.lifecycle().block(tools.read(card), reason, actor);
        }

        @Override
        String done(HouseholdView view) {
            return "card blocked (" + reason + ")";
        }
    }

    @Command(name = "card-unblock", mixinStandardHelpOptions = true, description = "Unblock a blocked card.")
    static final class Unblock extends HouseholdCommand {
        @Option(names = "--card", required = true, paramLabel = "NUMBER", description = "the blocked card") String card;

        @Override
        HouseholdView work(Tools tools, String actor) {
            return tools.lifecycle().unblock(tools.read(card), actor);
        }

        @Override
        String done(HouseholdView view) {
            return "card unblocked";
        }
    }

    @Command(name = "card-replace", mixinStandardHelpOptions = true,
            description = "Replace a card: the new card (issued, never used) takes over its account; the old one is declined (card-replaced).")
    static final class Replace extends HouseholdCommand {
        @Option(names = "--card", required = true, paramLabel = "NUMBER", description = "the card being replaced") String card;
        @Option(names = "--new", required = true, paramLabel = "NUMBER", description = "the replacement card") String replacement;

        @Override
        HouseholdView work(Tools tools, String actor) {
            return tools.lifecycle().replace(tools.read(card), tools.read(replacement), actor);
        }

        @Override
        String done(HouseholdView view) {
            return "card replaced; the new card carries the account";
        }
    }
}
