package io.loyaltyhub.hub.tools;

import io.loyaltyhub.hub.bench.BenchmarkCommand;
import io.loyaltyhub.hub.bench.HouseholdScaleCommand;
import io.loyaltyhub.hub.bench.ReportBenchmarkCommand;
import io.loyaltyhub.hub.chaos.ChaosCommand;
import io.loyaltyhub.hub.cli.HubCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher of the tools that measure and attack a hub from outside (docs/performance.md, docs/reliability.md):
 * {@code java -jar routes/bench/target/loyalty-bench.jar <benchmark|report-benchmark|household-scale|chaos>}. They are no commands of
 * the hub itself: the product ships without their SQL audits and test clients.
 */
@Command(name = "loyalty-bench", mixinStandardHelpOptions = true, version = "Loyalty Hub benchmark and chaos suite 0.1.0",
        description = "Benchmark and chaos suite of the Loyalty Hub.",
        subcommands = {BenchmarkCommand.class, ReportBenchmarkCommand.class, HouseholdScaleCommand.class, ChaosCommand.class})
public final class BenchTools implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // The benchmark starts hubs in this JVM and drives them with the JDK's HTTP client: the same pool setting as the hub's.
        HubCommand.avoidThreadPerTaskFutures();
        System.exit(new CommandLine(new BenchTools()).execute(args));
    }
}
