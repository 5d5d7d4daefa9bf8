package io.loyaltyhub.hub.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the hub's command line inside the test JVM, as the operator types it: its exit code, standard output
 * and error. It replaces {@code System.out} while it runs, so a test class using it holds
 * {@code @ResourceLock(Resources.SYSTEM_OUT)}.
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
}
