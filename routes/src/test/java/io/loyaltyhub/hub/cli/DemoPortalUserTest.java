package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.portal.PortalClient;
import io.loyaltyhub.hub.portal.PortalExtension;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `run --demo` prints the portal's address, a demo merchant user, a demo shopper and an operator user that sign in as printed. */
@Slow
class DemoPortalUserTest {
    private static final Pattern PORTAL = Pattern.compile("open (http://\\S+/portal/merchant/sign-in)\\s+merchant: (\\S+)"
            + "\\s+user: (\\S+)\\s+password: (\\S+)");

    private static final Pattern OPERATOR = Pattern.compile("open (http://\\S+/portal/operator/sign-in)\\s+user: (\\S+)"
            + "\\s+password: (\\S+)");

    private static final Pattern MEMBER = Pattern.compile("open (http://\\S+/portal/member/sign-in)\\s+card: (\\d+)\\s+PIN: (\\d+)");

    @Test
    void theDemoPrintsAPortalUserThatSignsInAndARerunGivesItAFreshPassword() {
        List<HubExtension> extensions = List.of(new MerchantReportsExtension(), new PortalExtension());
        try (HubFixture fixture = HubFixture.start(Map.of(), extensions)) {
            Matcher first = portalLine(fixture, extensions);
            assertThat(first.group(1)).isEqualTo(fixture.baseUrl() + "/portal/merchant/sign-in");
            PortalClient browser = new PortalClient(fixture.baseUrl());
            assertThat(browser.signIn(first.group(2), first.group(3), first.group(4), null).statusCode()).isEqualTo(303);
            assertThat(browser.get("/portal/merchant/").body()).contains("Demo Manager");

            Matcher second = portalLine(fixture, extensions);
            assertThat(second.group(4)).isNotEqualTo(first.group(4));
            assertThat(new PortalClient(fixture.baseUrl()).signIn("books", "demo", first.group(4), null).statusCode())
                    .isEqualTo(401);
            assertThat(new PortalClient(fixture.baseUrl()).signIn("books", "demo", second.group(4), null).statusCode())
                    .isEqualTo(303);

            Matcher member = MEMBER.matcher(printed(fixture, extensions));
            assertThat(member.find()).isTrue();
            PortalClient shopper = new PortalClient(fixture.baseUrl());
            assertThat(shopper.memberSignIn(member.group(2), member.group(3)).statusCode()).isEqualTo(303);
            assertThat(shopper.get("/portal/member/").body()).contains("Pages &amp; Co. bookshops")
                    .contains("GreenCross pharmacies");

            Matcher operator = OPERATOR.matcher(printed(fixture, extensions));
            assertThat(operator.find()).isTrue();
            assertThat(operator.group(1)).isEqualTo(fixture.baseUrl() + "/portal/operator/sign-in");
            PortalClient console = new PortalClient(fixture.baseUrl());
            assertThat(console.operatorSignIn(operator.group(2), operator.group(3), null).statusCode()).isEqualTo(303);
            assertThat(console.get("/portal/operator/").body()).contains("Demo Operator").contains(">books</a>")
                    .contains(">pharma</a>");
        }
    }

    private static String printed(HubFixture fixture, List<HubExtension> extensions) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new DemoCoalition(fixture.hub(), extensions).seedAndPrint(new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Matcher portalLine(HubFixture fixture, List<HubExtension> extensions) {
        String output = printed(fixture, extensions);
        Matcher m = PORTAL.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m;
    }
}
