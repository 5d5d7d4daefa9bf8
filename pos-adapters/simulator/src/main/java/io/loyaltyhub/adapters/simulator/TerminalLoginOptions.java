package io.loyaltyhub.adapters.simulator;

import picocli.CommandLine.Option;

/** The till's login (what {@code terminal-add} printed), shared by the simulator commands that log in with it (a picocli mixin). */
final class TerminalLoginOptions {
    @Option(names = "--credential", required = true, description = "terminal credential id")
    String credential;
    @Option(names = "--secret", required = true, description = "terminal secret")
    String secret;
}
