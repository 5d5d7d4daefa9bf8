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

/**
 * The operator's commands for the portal's people while the hub runs: operator users sign in to the console with what
 * operator-user-add printed until operator-user-disable; member-erase also takes a shopper's PIN and open sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class PortalPeopleCommandsTest {
    private HubFixture fixture;
    private PortalExtension portal;

    @BeforeAll
    void start() {
        portal = new PortalExtension();
        fixture = HubFixture.start(Map.of(), List.of(portal));
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
    void anOperatorUserSignsInToTheConsoleWithThePrintedPasswordAndCodeUntilDisabled() {
        String out = run(0, "operator-user-add", "--user", "olga", "--name", "Olga Ng", "--totp");
        String password = field(out, "password");
        String secret = field(out, "authenticator secret");
        assertThat(out).contains("/portal/operator/sign-in").contains("otpauth://totp/");

        PortalClient c = new PortalClient(fixture.baseUrl());
        assertThat(c.operatorSignIn("olga", password, null).statusCode()).as("without the code").isEqualTo(401);
        assertThat(c.operatorSignIn("olga", password, Totp.codeAt(secret, Instant.now())).statusCode()).isEqualTo(303);
        assertThat(c.get("/portal/operator/").body()).contains("Olga Ng");

        assertThat(run(2, "operator-user-add", "--user", "olga", "--name", "Again")).contains("already an operator user olga");
        assertThat(run(0, "operator-user-disable", "--user", "olga")).contains("operator user olga disabled");
        assertThat(c.get("/portal/operator/").statusCode()).as("the open session ended").isEqualTo(303);
        assertThat(run(2, "operator-user-disable", "--user", "olga")).contains("no active operator user olga");
    }

    @Test
    void memberEraseAlsoTakesHerPinAndEndsHerMemberPageSessions() {
        HubFixture.Merchant shop = fixture.merchant();
        String card = HubFixture.card(601);
        assertThat(fixture.swipe(shop, "{\"txnRef\":\"er-1\",\"type\":\"SALE\",\"cardNumber\":\"" + card
                + "\",\"amount\":1000,\"currency\":\"EUR\"}").statusCode()).isEqualTo(200);
        long account = fixture.queryLong("SELECT account_id FROM card WHERE last4 = ?", card.substring(12));
        String pin = portal.memberPins().set(account);
        PortalClient shopper = new PortalClient(fixture.baseUrl());
        assertThat(shopper.memberSignIn(card, pin).statusCode()).isEqualTo(303);
        assertThat(shopper.get("/portal/member/").statusCode()).isEqualTo(200);

        String out = run(0, "member-erase", "--account", Long.toString(account));

        assertThat(out).contains("2 PIN and session rows removed").doesNotContain(card);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM member_pin WHERE account_id = ?", account)).isZero();
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM member_session WHERE account_id = ?", account)).isZero();
        assertThat(shopper.get("/portal/member/").statusCode()).as("her open session ended").isEqualTo(303);
        assertThat(new PortalClient(fixture.baseUrl()).memberSignIn(card, pin).statusCode()).as("the PIN is gone")
                .isEqualTo(401);
        assertThat(fixture.queryLong("SELECT balance FROM member_account WHERE id = ?", account)).as("points kept")
                .isEqualTo(10);
    }
}
