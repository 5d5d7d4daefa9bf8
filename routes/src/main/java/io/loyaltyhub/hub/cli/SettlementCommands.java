package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.settlement.Billing;
import io.loyaltyhub.domain.settlement.LiabilityStatement;
import io.loyaltyhub.domain.settlement.MerchantStatement;
import io.loyaltyhub.domain.settlement.PeriodClose;
import io.loyaltyhub.domain.settlement.PeriodKind;
import io.loyaltyhub.domain.settlement.ProgrammeTerms;
import io.loyaltyhub.domain.settlement.SettlementRefused;
import io.loyaltyhub.domain.settlement.SettlementStatements;
import io.loyaltyhub.domain.settlement.SettlementTerms;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubKeys;
import io.loyaltyhub.hub.keys.HubStatementSigner;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Settlement between the coalition's merchants (docs/settlement.md). */
final class SettlementCommands {
    private SettlementCommands() {
    }

    private abstract static class SettlementCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        /** Runs the work on the hub's database; a coded refusal becomes the command's error ("code: why"). */
        <T> T with(BiFunction<HubSettings, Database, T> work) {
            HubSettings s = settings.load();
            try (Database db = Database.open(s.databaseConfig(2))) {
                return work.apply(s, db);
            } catch (SettlementRefused e) {
                throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
            }
        }

        IdGenerator ids() {
            return settings.load().ids(IdSource.COMMAND_LINE);
        }

        MerchantId merchant(Database db, String code) {
            return new CoalitionAdmin(db, ids(), Clock.systemUTC()).merchantByCode(code);
        }
    }

    @Command(name = "settlement-terms", mixinStandardHelpOptions = true,
            description = "Set the programme's settlement currency, money per point and period length.")
    static final class Terms extends SettlementCommand {
        @Option(names = "--currency", required = true, description = "ISO 4217 code, e.g. EUR") String currency;
        @Option(names = "--issue-price", required = true, paramLabel = "MINOR",
                description = "what a merchant pays per point it issues, in minor units") long issuePrice;
        @Option(names = "--redeem-value", required = true, paramLabel = "MINOR",
                description = "what a merchant is paid per point redeemed at its tills, in minor units") long redeemValue;
        @Option(names = "--period", defaultValue = "monthly", description = "daily or monthly (default ${DEFAULT-VALUE})")
        String period;

        @Override
        public Integer call() {
            PeriodKind kind = switch (period) {
                case "daily" -> PeriodKind.DAILY;
                case "monthly" -> PeriodKind.MONTHLY;
                default -> throw new IllegalArgumentException("bad-period: --period is daily or monthly");
            };
            with((s, db) -> {
                new SettlementTerms(db, ids(), Clock.systemUTC()).setProgramme(new ProgrammeTerms(currency, issuePrice,
                        redeemValue, kind));
                return null;
            });
            System.out.printf("settlement: %s, %d per point issued, %d per point redeemed, %s periods%n", currency,
                    issuePrice, redeemValue, period);
            return 0;
        }
    }

    @Command(name = "settlement-merchant", mixinStandardHelpOptions = true,
            description = "Set a merchant's own money per point and whether it is post-paid or prepaid.")
    static final class MerchantTermsCommand extends SettlementCommand {
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--issue-price", paramLabel = "MINOR", description = "its price per point issued (default: the programme's)")
        Long issuePrice;
        @Option(names = "--redeem-value", paramLabel = "MINOR", description = "its value per point redeemed (default: the programme's)")
        Long redeemValue;
        @Option(names = "--billing", required = true, description = "post-paid or prepaid") String billing;

        @Override
        public Integer call() {
            Billing b = switch (billing) {
                case "post-paid" -> Billing.POST_PAID;
                case "prepaid" -> Billing.PREPAID;
                default -> throw new IllegalArgumentException("bad-billing: --billing is post-paid or prepaid");
            };
            with((s, db) -> {
                new SettlementTerms(db, ids(), Clock.systemUTC()).setMerchant(merchant(db, merchant), issuePrice, redeemValue, b);
                return null;
            });
            System.out.printf("merchant %s is %s%n", merchant, billing);
            return 0;
        }
    }

    @Command(name = "prepaid-topup", mixinStandardHelpOptions = true,
            description = "Add prepaid points for a prepaid merchant (billed on its next statement).")
    static final class TopUp extends SettlementCommand {
        @Option(names = "--merchant", required = true, description = "merchant code") String merchant;
        @Option(names = "--points", required = true, description = "points bought (positive)") long points;

        @Override
        public Integer call() {
            long left = with((s, db) -> new SettlementTerms(db, ids(), Clock.systemUTC()).topUp(merchant(db, merchant), points));
            System.out.printf("merchant %s has %d prepaid points%n", merchant, left);
            return 0;
        }
    }

    @Command(name = "period-close", mixinStandardHelpOptions = true,
            description = "Close the settlement period (it must have ended, or --now ends it now): every merchant's statement, "
                    + "signed, and the period's signed checkpoint. Run again after a stop, it finishes the close.")
    static final class Close extends SettlementCommand {
        @Option(names = "--now", description = "end the open period now instead of at its end") boolean now;
        @Option(names = "--period", paramLabel = "ID", description = "close this period (a no-op when it is closed)") Long period;

        @Override
        public Integer call() {
            PeriodClose.Closed closed = with((s, db) -> {
                PeriodClose close = new PeriodClose(db, ids(), Clock.systemUTC(), new HubStatementSigner(HubKeys.open(s)));
                return period != null ? close.closePeriod(period) : close.closeCurrent(now);
            });
            System.out.printf(closed.alreadyClosed() ? "%s was already closed: nothing changed%n"
                    : "closed %s: %d statement(s) written, checkpoint signed%n", closed.period(), closed.statementsWritten());
            return 0;
        }
    }

    @Command(name = "settlement-statements", mixinStandardHelpOptions = true,
            description = "The operator's view of a closed period: every merchant's statement and the positions (they sum to zero).")
    static final class Statements extends SettlementCommand {
        @Option(names = "--period", paramLabel = "ID", description = "the period (default: the last closed one)") Long period;

        @Override
        public Integer call() {
            return with((s, db) -> {
                SettlementStatements statements = new SettlementStatements(db);
                long id = period != null ? period : statements.periods().stream()
                        .filter(p -> p.status() == io.loyaltyhub.domain.settlement.SettlementPeriod.Status.CLOSED)
                        .reduce((a, b) -> b).orElseThrow(() -> new SettlementRefused("no-closed-period",
                                "no settlement period has been closed yet")).id();
                System.out.println("merchant,positions,issued,reversed,redeemed,expired,owed_minor,due_minor,net_minor,currency,"
                        + "operator_gifts,operator_gift_cost_minor,merchant_gifts,merchant_gift_cost_minor");
                for (MerchantStatement m : statements.acrossMerchants(id)) {
                    System.out.printf("%s,%d..%d,%d,%d,%d,%d,%d,%d,%d,%s,%d,%d,%d,%d%n", m.merchant(), m.fromPosition(),
                            m.toPosition(), m.points().issued(), m.points().reversed(), m.points().redeemed(),
                            m.points().expired(), m.owedMinor(), m.dueMinor(), m.netMinor(), m.currency(),
                            m.gifts().operatorGifts(), m.gifts().operatorGiftCostMinor(), m.gifts().merchantGifts(),
                            m.gifts().merchantGiftCostMinor());
                }
                Map<String, Long> positions = statements.positions(id);
                System.out.printf("period %d positions %s, sum %d%n", id, positions,
                        positions.values().stream().mapToLong(Long::longValue).sum());
                return 0;
            });
        }
    }

    @Command(name = "hub-signing-key", mixinStandardHelpOptions = true,
            description = "Print the hub's public signing key (PEM): merchants verify their statements with it.")
    static final class PublicKey extends SettlementCommand {
        @Override
        public Integer call() {
            System.out.print(HubStatementSigner.publicKeyPem(HubKeys.open(settings.load()).signingPublicKey()));
            return 0;
        }
    }

    @Command(name = "settlement-liability", mixinStandardHelpOptions = true,
            description = "The operator's liability: points held by the merchant that issued them, what expires per month "
                    + "unless redeemed, and the breakage expected of it from the coalition's history (an estimate); now, or "
                    + "as a closed period's close recorded it.")
    static final class LiabilityCommand extends SettlementCommand {
        @Option(names = "--period", paramLabel = "ID", description = "a closed period's figures, as they were at its end")
        Long period;

        @Override
        public Integer call() {
            return with((s, db) -> {
                io.loyaltyhub.domain.settlement.Liability liability = new io.loyaltyhub.domain.settlement.Liability(db);
                LiabilityStatement f = period != null ? liability.ofPeriod(period) : liability.current();
                System.out.println(f.periodId() == null ? "liability now" : "liability of period " + f.periodId()
                        + " as of its end " + f.asOf());
                System.out.println("issuer,outstanding_points,value_minor,currency");
                f.outstanding().forEach(o -> System.out.printf("%s,%d,%d,%s%n", issuerName(o.issuer()), o.points(),
                        o.valueMinor(), f.currency()));
                System.out.printf("history: %d point(s) expired, %d redeemed%n", f.expiredSoFar(), f.redeemedSoFar());
                System.out.println("issuer,expiry_month,expiring_points,expected_breakage_points");
                f.expiring().forEach(e -> System.out.printf("%s,%s,%d,%d%n", issuerName(e.issuer()), e.month(), e.points(),
                        e.expectedBreakage()));
                if (f.periodId() != null) {
                    System.out.printf("mailed gifts sent in the period: %d, cost %d %s (the operator's)%n", f.mailedGifts(),
                            f.mailedGiftCostMinor(), f.currency());
                }
                return 0;
            });
        }

        private static String issuerName(long issuer) {
            return issuer == io.loyaltyhub.domain.settlement.Liability.OPERATOR ? "operator" : "merchant:" + issuer;
        }
    }
}
