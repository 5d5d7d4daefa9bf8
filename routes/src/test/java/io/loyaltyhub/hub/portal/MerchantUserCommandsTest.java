package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.crypto.Totp;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.cli.HubCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

/** The operator creates and disables portal users with the CLI while the hub runs; the user signs in with what it printed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class MerchantUserCommandsTest {
    private HubFixture fixture;

    @BeforeAll
    void start() {
        fixture = HubFixture.start(Map.of(), List.of(new PortalExtension()));
        fixture.hub().admin().createMerchant("books", "Pages & Co.");
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private String run(int expectedCode, String... args) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("-s", "hub.data-dir=" + fixture.dataDir()));
            int code = new CommandLine(new HubCommand()).execute(all.toArray(String[]::new));
            assertThat(code).as(String.join(" ", args) + ": " + captured).isEqualTo(expectedCode);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String field(String output, String name) {
        Matcher m = Pattern.compile(name + ":\\s+(\\S+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    @Test
    void aUserMadeByTheOperatorSignsInWithThePrintedPasswordAndCodeUntilDisabled() {
        String out = run(0, "merchant-user-add", "--merchant", "books", "--user", "alice", "--name", "Alice Tan", "--totp");
        String password = field(out, "password");
        String secret = field(out, "authenticator secret");
        assertThat(out).contains("otpauth://totp/");

        PortalClient c = new PortalClient(fixture.baseUrl());
        assertThat(c.signIn("books", "alice", password, null).statusCode()).as("without the code").isEqualTo(401);
        assertThat(c.signIn("books", "alice", password, Totp.codeAt(secret, Instant.now())).statusCode()).isEqualTo(303);
        assertThat(c.get("/portal/merchant/").body()).contains("Alice Tan");

        assertThat(run(1, "merchant-user-add", "--merchant", "books", "--user", "alice", "--name", "Again"))
                .contains("already has a user alice");
        assertThat(run(0, "merchant-user-disable", "--merchant", "books", "--user", "alice")).contains("disabled");
        assertThat(c.get("/portal/merchant/").statusCode()).as("the open session ended").isEqualTo(303);
        assertThat(new PortalClient(fixture.baseUrl()).signIn("books", "alice", password,
                Totp.codeAt(secret, Instant.now())).statusCode()).isEqualTo(401);
    }
}
