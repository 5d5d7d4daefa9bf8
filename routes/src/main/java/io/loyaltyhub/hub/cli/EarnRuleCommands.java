package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.earn.Campaign;
import io.loyaltyhub.domain.earn.CampaignEnding;
import io.loyaltyhub.domain.earn.Campaigns;
import io.loyaltyhub.domain.earn.EarnRateSchedule;
import io.loyaltyhub.domain.earn.EarnRateVersion;
import io.loyaltyhub.domain.earn.EarnRuleDryRun;
import io.loyaltyhub.domain.earn.EarnRuleRefused;
import io.loyaltyhub.domain.earn.Tier;
import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Earn rules that change over time (docs/rewards.md): rate versions, campaigns, tiers, and the dry run. */
final class EarnRuleCommands {
    private EarnRuleCommands() {
    }

    /** What a command does with the database and the merchant list, given the hub's clock. */
    private interface Work {
        void run(Database db, IdGenerator ids, CoalitionAdmin admin);
    }

    private abstract static class EarnRuleCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        Integer with(Work work) {
            HubSettings s = settings.load();
            try (Database db = Database.open(s.databaseConfig(2))) {
                IdGenerator ids = s.ids(IdSource.COMMAND_LINE);
                work.run(db, ids, new CoalitionAdmin(db, ids, Clock.systemUTC()));
            } catch (EarnRuleRefused r) {
                throw new IllegalArgumentException(r.code() + ": " + r.getMessage(), r);
            }
            return 0;
        }
    }

    @Command(name = "earn-rate-schedule", mixinStandardHelpOptions = true,
            description = "Give a merchant a new earn rate from a moment on (not in the past): sales that happened from then "
                    + "earn at it, earlier ones (a late offline sale too) at the rate of their time.")
    static final class Schedule extends EarnRuleCommand {
        @Option(names = "--merchant", required = true, paramLabel = "CODE", description = "the merchant") String merchant;
        @Option(names = "--currency", required = true, paramLabel = "ISO", description = "ISO 4217 code, e.g. EUR") String currency;
        @Option(names = "--points", required = true, paramLabel = "N", description = "points earned ...") long points;
        @Option(names = "--per-minor-units", required = true, paramLabel = "M", description = "... for every M minor units spent") long perMinorUnits;
        @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "e.g. 2026-12-01T00:00:00Z") Instant from;

        @Override
        public Integer call() {
            return with((db, ids, admin) -> {
                EarnRateVersion v = new EarnRateSchedule(db, ids, Clock.systemUTC()).schedule(admin.merchantByCode(merchant),
                        currency, new EarnRate(points, perMinorUnits), from);
                System.out.printf("%s: %d point(s) per %d minor units of %s from %s (credits record it as %s)%n", merchant,
                        points, perMinorUnits, currency, from, v.rule());
            });
        }
    }

    /** A multiplier or a bonus. */
    static final class Kind {
        @Option(names = "--multiplier", paramLabel = "PERCENT", description = "percent of the base points, 101..1000 (200 = double)")
        Long multiplier;
        @Option(names = "--bonus", paramLabel = "POINTS", description = "extra points once per sale, 1..100000") Long bonus;
    }

    /** What a campaign covers. */
    static final class Scope {
        @Option(names = "--store", paramLabel = "CODE", description = "only at this store of the merchant") String store;
        @Option(names = "--category", paramLabel = "CATEGORY", description = "only line items of this category") String category;
        @Option(names = "--sku", paramLabel = "SKU", description = "only line items of this SKU") String sku;

        StoreId storeOf(Campaigns campaigns, MerchantId merchant) {
            return store == null ? null : campaigns.storeOf(merchant, store);
        }
    }

    @Command(name = "campaign-add", mixinStandardHelpOptions = true,
            description = "Add a merchant's campaign: a multiplier or a bonus for a period, optionally one store, category or "
                    + "SKU. A second multiplier over the same sales in an overlapping period is refused (campaign-overlap).")
    static final class Add extends EarnRuleCommand {
        @Option(names = "--merchant", required = true, paramLabel = "CODE", description = "the merchant") String merchant;
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "1-32 letters, digits, - or _") String code;
        @ArgGroup(multiplicity = "1") Kind kind;
        @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "the first moment it runs, e.g. 2026-12-01T00:00:00Z") Instant from;
        @Option(names = "--until", required = true, paramLabel = "INSTANT", description = "the first moment it no longer runs") Instant until;
        @ArgGroup(exclusive = false) Scope scope = new Scope();

        @Override
        public Integer call() {
            return with((db, ids, admin) -> {
                MerchantId m = admin.merchantByCode(merchant);
                Campaigns campaigns = new Campaigns(db, ids, Clock.systemUTC());
                campaigns.add(m, new Campaign(code, kind.multiplier, kind.bonus, utc(from), utc(until),
                        scope.storeOf(campaigns, m), scope.category, scope.sku));
                System.out.printf("campaign %s of %s added: runs from %s until %s%n", code, merchant, from, until);
            });
        }
    }

    @Command(name = "campaigns", mixinStandardHelpOptions = true, description = "List a merchant's campaigns.")
    static final class ListCampaigns extends EarnRuleCommand {
        @Option(names = "--merchant", required = true, paramLabel = "CODE", description = "the merchant") String merchant;

        @Override
        public Integer call() {
            return with((db, ids, admin) -> {
                for (Campaign c : new Campaigns(db, ids, Clock.systemUTC()).list(admin.merchantByCode(merchant))) {
                    System.out.printf("%-16s %s %s..%s%s%s%n", c.code(), c.isMultiplier() ? c.multiplierPercent() + "%"
                            : "+" + c.bonusPoints() + " points", c.startsAt(), c.endsAt(),
                            c.category() == null ? "" : " category " + c.category(), c.sku() == null ? "" : " sku " + c.sku());
                }
            });
        }
    }

    @Command(name = "campaign-end", mixinStandardHelpOptions = true,
            description = "End a merchant's campaign now: a running one stops earning from this moment (what it credited stays), "
                    + "one that has not started is withdrawn. Refused: unknown-campaign, campaign-already-ended, "
                    + "campaign-has-credits.")
    static final class End extends EarnRuleCommand {
        @Option(names = "--merchant", required = true, paramLabel = "CODE", description = "the merchant") String merchant;
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "the campaign's code") String code;

        @Override
        public Integer call() {
            return with((db, ids, admin) -> {
                CampaignEnding.Outcome outcome = new CampaignEnding(db, Clock.systemUTC()).end(admin.merchantByCode(merchant), code);
                System.out.printf("campaign %s of %s %s%n", code, merchant,
                        outcome == CampaignEnding.Outcome.ENDED ? "ended now" : "withdrawn (it had not started)");
            });
        }
    }

    @Command(name = "tier-define", mixinStandardHelpOptions = true,
            description = "Define (or replace) a tier: members whose coalition spend over the trailing 12 months reaches the "
                    + "minimum earn its multiplier once tiers-recompute has run.")
    static final class DefineTier extends EarnRuleCommand {
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "1-32 letters, digits, - or _") String code;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the tier's name") String name;
        @Option(names = "--currency", required = true, paramLabel = "ISO", description = "ISO 4217 code, e.g. EUR") String currency;
        @Option(names = "--min-spend", required = true, paramLabel = "MINOR", description = "spend over the trailing 12 months, minor units") long minSpend;
        @Option(names = "--multiplier", required = true, paramLabel = "PERCENT", description = "percent of the base points, 101..1000") long multiplier;

        @Override
        public Integer call() {
            return with((db, ids, admin) -> {
                new Tiers(db, Clock.systemUTC()).define(new Tier(code, name, currency, minSpend, multiplier));
                System.out.printf("tier %s: %d%% of the base points from a spend of %d %s minor units%n", code, multiplier,
                        minSpend, currency);
            });
        }
    }

    @Command(name = "tiers-recompute", mixinStandardHelpOptions = true,
            description = "Put every member in the tier their trailing 12-month spend reaches now (a running hub does it daily; "
                    + "safe to run again).")
    static final class Recompute extends EarnRuleCommand {
        @Override
        public Integer call() {
            return with((db, ids, admin) -> new Tiers(db, Clock.systemUTC()).recompute()
                    .forEach((tier, members) -> System.out.printf("%-16s %d member(s)%n", tier, members)));
        }
    }

    @Command(name = "earn-rule-dry-run", mixinStandardHelpOptions = true,
            description = "Print what a campaign would have credited over a merchant's approved sales of a period (by default "
                    + "last calendar month, UTC), on top of what they earned. Changes nothing.")
    static final class DryRun extends EarnRuleCommand {
        @Option(names = "--merchant", required = true, paramLabel = "CODE", description = "the merchant") String merchant;
        @ArgGroup(multiplicity = "1") Kind kind;
        @ArgGroup(exclusive = false) Scope scope = new Scope();
        @Option(names = "--from", paramLabel = "DATE", description = "first day (default: first day of last month)") LocalDate from;
        @Option(names = "--until", paramLabel = "DATE", description = "first day not included") LocalDate until;

        @Override
        public Integer call() {
            LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
            LocalDateTime start = (from == null ? thisMonth.minusMonths(1) : from).atStartOfDay();
            LocalDateTime end = (until == null ? thisMonth : until).atStartOfDay();
            return with((db, ids, admin) -> {
                MerchantId m = admin.merchantByCode(merchant);
                Campaign candidate = new Campaign("DRY-RUN", kind.multiplier, kind.bonus, start, end,
                        scope.storeOf(new Campaigns(db, ids, Clock.systemUTC()), m), scope.category, scope.sku);
                EarnRuleDryRun.Result r = new EarnRuleDryRun(db).wouldHaveCredited(m, candidate, start, end);
                System.out.printf("%s, %s to %s: %d approved sale(s), %d would have earned more, %d extra point(s) in all%n",
                        merchant, start.toLocalDate(), end.toLocalDate(), r.sales(), r.matched(), r.extraPoints());
            });
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
