package io.loyaltyhub.hub.pgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The stock gpg program with its own GNUPGHOME (a test's temporary folder), for tests that make keys and decrypt as a
 * merchant would. Without gpg such tests are skipped with a message, unless LOYALTY_REQUIRE_GPG=true.
 */
public final class Gpg {
    private final Path home;

    private Gpg(Path home) {
        this.home = home;
    }

    /** gpg working in {@code home}; skips the calling test (visibly) when gpg is not installed. */
    public static Gpg in(Path home) {
        requireInstalled();
        return new Gpg(home);
    }

    public static void requireInstalled() {
        boolean present;
        try {
            present = new ProcessBuilder("gpg", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (!present) {
            String message = "OpenPGP tests skipped: no gpg program (install gnupg; set LOYALTY_REQUIRE_GPG=true to fail instead)";
            if (Boolean.parseBoolean(System.getenv("LOYALTY_REQUIRE_GPG"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("[loyalty-hub] " + message);
            Assumptions.abort(message);
        }
    }

    /** Runs gpg in batch mode (empty passphrase, no pinentry) and returns what it wrote to standard output. */
    public String run(String... args) throws IOException, InterruptedException {
        return new String(Files.readAllBytes(runToFile(args).stdout()), StandardCharsets.UTF_8);
    }

    /** What one gpg run wrote, in files of the GNUPGHOME. */
    public record Output(Path stdout, String stderr) {
    }

    /** Runs gpg and keeps standard output as a file (binary-safe) and standard error as text; fails if gpg does. */
    public Output runToFile(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", home.toString(),
                "--passphrase", "", "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "gpg", ".out");
        Path err = Files.createTempFile(home, "gpg", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gpg " + String.join(" ", args) + " did not finish in 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("gpg " + String.join(" ", args) + " failed (" + process.exitValue() + "): " + stderr);
        }
        return new Output(out, stderr);
    }
}
