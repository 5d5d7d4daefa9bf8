package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.crypto.Totp;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.cli.HubCommandRun;
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

/** The operator creates and disables portal users with the CLI while the hub runs; the user signs in with what it printed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
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

    /** Runs the command as the operator would, against the running hub's data directory: what it printed, out and err. */
    private String run(int expectedCode, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-s", "hub.data-dir=" + fixture.dataDir()));
        HubCommandRun run = HubCommandRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.out() + run.err()).isEqualTo(expectedCode);
        return run.out() + run.err();
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

        assertThat(run(2, "merchant-user-add", "--merchant", "books", "--user", "alice", "--name", "Again"))
                .contains("already has a user alice");
        assertThat(run(0, "merchant-user-disable", "--merchant", "books", "--user", "alice")).contains("disabled");
        assertThat(c.get("/portal/merchant/").statusCode()).as("the open session ended").isEqualTo(303);
        assertThat(new PortalClient(fixture.baseUrl()).signIn("books", "alice", password,
                Totp.codeAt(secret, Instant.now())).statusCode()).isEqualTo(401);
    }
}
