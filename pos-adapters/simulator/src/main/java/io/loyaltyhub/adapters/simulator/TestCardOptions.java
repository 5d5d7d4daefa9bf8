package io.loyaltyhub.adapters.simulator;

import picocli.CommandLine.Option;

/** The made-up cards a simulator command uses: the options every such command shares (a picocli mixin). */
public final class TestCardOptions {
    @Option(names = "--card-prefix", defaultValue = "628000",
            description = "card programme prefix of the test cards (default: ${DEFAULT-VALUE})")
    String prefix;
    @Option(names = "--card-length", defaultValue = "16", description = "length of the test card numbers (default: ${DEFAULT-VALUE})")
    int length;
    @Option(names = "--no-check-digit", description = "the programme has no Luhn check digit (e.g. 25-digit NCR membership ids)")
    boolean noCheckDigit;

    /** Test card number {@code serial} of the programme. */
    public String card(long serial) {
        if (noCheckDigit) {
            return prefix + String.format("%0" + (length - prefix.length()) + "d", serial);
        }
        return TestCards.luhnCard(prefix, length, serial);
    }
}
