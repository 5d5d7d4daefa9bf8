package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.hub.cli.HubCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Sets up the suite's coalition with the operator's own commands (README, "Onboard a real merchant"), on the
 * hub's settings: a card programme and range, one merchant earning 1 point per 1.00 EUR, one store, and a
 * terminal per till — {@code terminal-add} prints each credential once. The commands run in this process (a
 * JVM start each would cost more than the commands), their output captured.
 */
final class Onboarding {
    static final String MERCHANT = "chaos";
    static final String STORE = "S1";
    private static final Pattern CREDENTIAL = Pattern.compile("id:\\s+(\\S+)\\s+secret:\\s+(\\S+)");

    private final List<String> settingOptions;

    Onboarding(List<String> settingOptions) {
        this.settingOptions = settingOptions;
    }

    /** @return each terminal's login, by terminal code */
    Map<String, TerminalLogin> onboard(List<String> terminals) {
        operator("keys-init"); // as an operator starts a coalition: keys first, then the set-up, then 'run'
        operator("programme-add", "--name", "chaos", "--prefix", CardBook.PREFIX, "--length", "16", "--check-digit", "LUHN");
        operator("range-issue", "--programme", "chaos", "--first", CardBook.FIRST, "--last", CardBook.LAST);
        operator("merchant-add", "--code", MERCHANT, "--name", "Chaos suite", "--currency", "EUR", "--points", "1", "--per", "100");
        operator("store-add", "--merchant", MERCHANT, "--code", STORE, "--name", "Chaos store");
        Map<String, TerminalLogin> logins = new LinkedHashMap<>();
        for (String terminal : terminals) {
            String printed = operator("terminal-add", "--merchant", MERCHANT, "--store", STORE, "--code", terminal);
            Matcher m = CREDENTIAL.matcher(printed);
            if (!m.find()) {
                throw new IllegalStateException("terminal-add printed no credential for " + terminal);
            }
            logins.put(terminal, new TerminalLogin(m.group(1), m.group(2)));
        }
        return logins;
    }

    /** Runs one command of the jar with the hub's settings; returns what it printed. */
    private String operator(String... command) {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(settingOptions);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        PrintStream errors = System.err;
        int exit;
        synchronized (Onboarding.class) {
            try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
                System.setOut(capture);
                System.setErr(capture);
                exit = new CommandLine(new HubCommand()).execute(arguments.toArray(String[]::new));
            } finally {
                System.setOut(console);
                System.setErr(errors);
            }
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException(command[0] + " failed (exit " + exit + "): " + output.strip());
        }
        return output;
    }
}
