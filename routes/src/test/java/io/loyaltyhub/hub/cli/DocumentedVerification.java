package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The merchant's verification commands of docs/settlement.md (the block between its verify markers), run as written
 * with bash, openssl and coreutils; and the hub's command line run in this JVM. Tests that need openssl skip without
 * it, or fail when LOYALTY_REQUIRE_OPENSSL=true.
 */
final class DocumentedVerification {

    private DocumentedVerification() {
    }

    /** The block between the verify markers of docs/settlement.md, without its fence lines. */
    private static String documentedCommands() throws IOException {
        Path doc = Path.of("..", "docs", "settlement.md");
        if (!Files.exists(doc)) {
            doc = Path.of("docs", "settlement.md");
        }
        String text = Files.readString(doc);
        String block = text.substring(text.indexOf("<!-- verify-start -->"), text.indexOf("<!-- verify-end -->"));
        return block.substring(block.indexOf("```sh") + "```sh".length(), block.lastIndexOf("```"));
    }

    /** Runs the documented block with bash in {@code dir}, where the merchant's files are. */
    static HubCommandRun run(Path dir) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", documentedCommands()).directory(dir.toFile()).start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException e) {
                // the process ended
            }
        });
        errReader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        errReader.join();
        return new HubCommandRun(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    static void requireOpenssl() {
        boolean present;
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (!present && Boolean.parseBoolean(System.getenv("LOYALTY_REQUIRE_OPENSSL"))) {
            throw new AssertionError("openssl is required (LOYALTY_REQUIRE_OPENSSL=true) but was not found");
        }
        assumeTrue(present, "openssl is not installed");
    }

    static HubCommandRun cli(String... args) {
        return HubCommandRun.of(args);
    }
}
