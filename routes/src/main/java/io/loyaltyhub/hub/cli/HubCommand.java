package io.loyaltyhub.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The hub's command line: {@code run} starts it; the other commands are the operator's onboarding tools. The tools that
 * drive a hub from outside have launchers of their own: the POS simulator (pos-adapters/simulator) and the benchmark
 * and chaos suite (routes/bench).
 */
@Command(name = "loyalty-hub", mixinStandardHelpOptions = true, version = "Loyalty Hub 0.1.0",
        description = "Coalition loyalty hub: POS transactions in, points and merchant reports out.",
        subcommands = {RunCommand.class, OperatorCommands.MerchantAdd.class, OperatorCommands.MerchantList.class,
                OperatorCommands.StoreAdd.class, OperatorCommands.TerminalAdd.class, OperatorCommands.TerminalReset.class,
                OperatorCommands.ProgrammeAdd.class, OperatorCommands.RangeIssue.class,
                MerchantReportCommands.CredentialAdd.class, MerchantReportCommands.CredentialRevoke.class,
                MerchantReportCommands.Downloads.class, MerchantUserCommands.Add.class, MerchantUserCommands.Disable.class,
                OperatorUserCommands.Add.class, OperatorUserCommands.Disable.class,
                io.loyaltyhub.hub.iso8583.Iso8583MacKeyCommand.class,
                KeyCommands.Init.class, KeyCommands.ListKeys.class, KeyCommands.RotateCardKey.class,
                KeyCommands.RekeyCards.class, KeyCommands.RetireCardKey.class, KeyCommands.RotateMasterKey.class,
                SigningCommands.TerminalSigningKey.class, SigningCommands.SignRequest.class,
                MemberCommands.Enrol.class, MemberCommands.Erase.class, MemberCommands.Offboard.class, MemberPinCommand.class,
                HouseholdCommands.Show.class, HouseholdCommands.Link.class, HouseholdCommands.Leave.class,
                HouseholdCommands.Merge.class, HouseholdCommands.Activate.class, HouseholdCommands.Block.class,
                HouseholdCommands.Unblock.class, HouseholdCommands.Replace.class,
                OperatorCredentialCommands.Add.class, OperatorCredentialCommands.Revoke.class,
                LimitCommands.Set.class, LimitCommands.ListLimits.class, LimitCommands.Refusals.class,
                ExpiryCommands.Set.class, ExpiryCommands.Run.class, JobCommands.Runs.class, LedgerCommands.Verify.class,
                SettlementCommands.Terms.class, SettlementCommands.MerchantTermsCommand.class, SettlementCommands.TopUp.class,
                SettlementCommands.Close.class, SettlementCommands.Statements.class, SettlementCommands.PublicKey.class,
                SettlementCommands.LiabilityCommand.class,
                EarnRuleCommands.Schedule.class, EarnRuleCommands.Add.class, EarnRuleCommands.ListCampaigns.class,
                EarnRuleCommands.End.class,
                EarnRuleCommands.DefineTier.class, EarnRuleCommands.Recompute.class, EarnRuleCommands.DryRun.class,
                MerchantPgpKeyCommand.class, ReferenceConflictsCommand.class, BrokerTerminalSecurityCommand.class,
                WebhookCommands.Connect.class, WebhookCommands.Events.class,
                io.loyaltyhub.hub.broker.StandaloneBrokerCommand.class})
public final class HubCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * A command that fails says why in one line. A database constraint that refused a change (two operators adding
     * the same code at once) is told as such, never as the SQL statement the driver puts in its message.
     */
    static final CommandLine.IExecutionExceptionHandler EXECUTION_ERRORS = (e, commandLine, parseResult) -> {
        commandLine.getErr().println("error: " + (refusedByAConstraint(e)
                ? "that already exists (the database refused a duplicate); list what is there and try again"
                : e.getMessage()));
        return 2;
    };

    private static boolean refusedByAConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) {
        avoidThreadPerTaskFutures();
        CommandLine cli = new CommandLine(new HubCommand());
        cli.setExecutionExceptionHandler(EXECUTION_ERRORS);
        int code = cli.execute(args);
        if (code != 0 || args.length == 0 || !"run".equals(args[0])) {
            System.exit(code);
        }
    }

    /**
     * On a machine with two cores the common fork-join pool has one thread, and then every asynchronous
     * completion without an explicit executor (the JDK's HTTP client completes each response that way) starts
     * a new thread: the benchmark's HTTP till started one per request. Two threads are enough to keep the pool.
     * Set before anything touches the pool; an explicit setting on the command line wins. (Public for the benchmark's
     * own launcher, which starts hubs in its JVM.)
     */
    public static void avoidThreadPerTaskFutures() {
        String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(property, "2");
        }
    }
}
