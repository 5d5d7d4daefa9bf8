package io.loyaltyhub.adapters.simulator;

import io.loyaltyhub.adapters.poslog.PosLogAnswerCounts;
import io.loyaltyhub.adapters.poslog.PosLogClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * POS simulator: posts POSLog files to the hub as a store back office would, and prints each answer. Its
 * exit code tells a script what happened (docs/poslog.md): a document refused as a whole, or one in which
 * the hub refused transactions, is not a success.
 */
@Command(name = "post-poslog", mixinStandardHelpOptions = true,
        description = "Post ARTS POSLog XML files to the hub (HTTP POST with the terminal's credential) and print the result.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every document was accepted and no transaction in it was declined or rejected",
            "1:a document was refused as a whole or could not be sent",
            "2:the command line is wrong",
            "3:some transactions were declined or rejected (the others were credited, pending or skipped)",
            "4:nothing was credited: every transaction that was not skipped was declined or rejected"})
public final class PostPosLogCommand implements Callable<Integer> {

    static final int ALL_ACCEPTED = 0;
    static final int DOCUMENT_NOT_ACCEPTED = 1;
    static final int SOME_REFUSED = 3;
    static final int NOTHING_CREDITED = 4;

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
        boolean documentNotAccepted = false;
        PosLogAnswerCounts counts = PosLogAnswerCounts.none();
        for (Path file : files) {
            try {
                PosLogClient.Response response = client.post(file);
                spec.commandLine().getOut().printf("%s -> HTTP %d%n%s%n", file, response.status(), response.body());
                if (response.ok()) {
                    counts = counts.plus(PosLogAnswerCounts.of(response.body()));
                } else {
                    documentNotAccepted = true;
                }
            } catch (IOException e) {
                spec.commandLine().getErr().printf("%s -> not sent: %s%n", file, e.getMessage());
                documentNotAccepted = true;
            }
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return exitCode(documentNotAccepted, counts);
    }

    static int exitCode(boolean documentNotAccepted, PosLogAnswerCounts counts) {
        if (documentNotAccepted) {
            return DOCUMENT_NOT_ACCEPTED;
        }
        if (counts.refused() == 0) {
            return ALL_ACCEPTED;
        }
        return counts.accepted() == 0 ? NOTHING_CREDITED : SOME_REFUSED;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PostPosLogCommand()).execute(args));
    }
}
