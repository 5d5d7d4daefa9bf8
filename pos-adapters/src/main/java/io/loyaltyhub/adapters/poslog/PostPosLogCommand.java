package io.loyaltyhub.adapters.poslog;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** POS simulator: posts POSLog files to the hub as a store back office would, and prints each answer. */
@Command(name = "post-poslog", mixinStandardHelpOptions = true,
        description = "Post ARTS POSLog XML files to the hub (HTTP POST with the terminal's credential) and print the result.")
public final class PostPosLogCommand implements Callable<Integer> {

    /** Read from the environment rather than the command line, so it stays out of shell history and process lists. */
    static final String SECRET_VARIABLE = "LOYALTY_TERMINAL_SECRET";

    @Option(names = "--hub", defaultValue = "http://localhost:8080", description = "the hub's base URL (default: ${DEFAULT-VALUE})")
    URI hub;

    @Option(names = "--credential-id", required = true, description = "the terminal credential id")
    String credentialId;

    @Option(names = "--secret", description = "the terminal secret (default: the " + SECRET_VARIABLE + " environment variable)")
    String secret;

    @Option(names = "--signing-secret", description = "the terminal's request-signing secret, if it has one (the request is then signed)")
    String signingSecret;

    @Option(names = "--timeout-seconds", defaultValue = "60", description = "how long to wait for each answer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "POSLog XML files")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String theSecret = secret != null ? secret : System.getenv(SECRET_VARIABLE);
        if (theSecret == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --secret or set " + SECRET_VARIABLE);
        }
        PosLogClient client = new PosLogClient(hub, credentialId, theSecret, Duration.ofSeconds(timeoutSeconds), signingSecret);
        int failures = 0;
        for (Path file : files) {
            PosLogClient.Response response = client.post(file);
            spec.commandLine().getOut().printf("%s -> HTTP %d%n%s%n", file, response.status(), response.body());
            if (!response.ok()) {
                failures++;
            }
        }
        spec.commandLine().getOut().flush();
        return failures == 0 ? 0 : 1;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PostPosLogCommand()).execute(args));
    }
}
