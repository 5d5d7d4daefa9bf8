package io.loyaltyhub.adapters.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The POS simulator: drives the hub's channels from the command line, for trying things out and for load. A tool of
 * its own ({@code java -jar pos-adapters/simulator/target/pos-simulator.jar}), not a command of the hub.
 */
@Command(name = "pos-simulator", mixinStandardHelpOptions = true,
        description = "POS simulator: send transactions to a hub over its channels.",
        subcommands = {HttpLoadCommand.class, Iso8583Simulator.class, PostPosLogCommand.class, DropCsvBatchCommand.class,
                BrokerCommand.class, WebhookCommand.class})
public final class PosSimulator implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PosSimulator()).execute(args));
    }
}
