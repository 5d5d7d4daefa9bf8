package io.loyaltyhub.hub.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the hub's command line inside the test JVM, as the operator types it, with the hub's own error handler
 * (a refused command exits 2 and prints {@code error: ...}): its exit code, standard output and error. It replaces
 * {@code System.out} (and with {@link #withInput} {@code System.in}) while it runs, so a test class using it holds
 * {@code @ResourceLock(Resources.SYSTEM_OUT)} (and {@code @ResourceLock(SlowTier.STANDARD_INPUT)}).
 */
public record HubCommandRun(int exitCode, String out, String err) {

    public static HubCommandRun of(String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = new CommandLine(new HubCommand());
            cli.setErr(new PrintWriter(err, true));
            cli.setExecutionExceptionHandler(HubCommand.EXECUTION_ERRORS);
            return new HubCommandRun(cli.execute(args), out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }

    /** The same, with {@code stdin} typed on standard input (a secret the command reads there). */
    public static HubCommandRun withInput(String stdin, String... args) {
        InputStream originalIn = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return of(args);
        } finally {
            System.setIn(originalIn);
        }
    }
}
