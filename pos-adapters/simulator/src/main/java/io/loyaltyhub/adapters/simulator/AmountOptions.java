package io.loyaltyhub.adapters.simulator;

import picocli.CommandLine.Option;

/** What each made-up transaction is for, shared by the simulator commands that make them up (a picocli mixin). */
final class AmountOptions {
    @Option(names = "--amount", defaultValue = "1999", description = "minor units per transaction (default: ${DEFAULT-VALUE})")
    long amount;
    @Option(names = "--currency", defaultValue = "EUR", description = "currency of the transactions (default: ${DEFAULT-VALUE})")
    String currency;
}
