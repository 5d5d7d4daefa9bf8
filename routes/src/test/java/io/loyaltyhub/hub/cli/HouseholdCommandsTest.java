package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The household and card commands as an operator types them: what they print, and their coded refusals. */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class HouseholdCommandsTest {
    private static final Pattern HOUSEHOLD = Pattern.compile("household (\\d+): balance (-?\\d+), (\\d+) card");

    @TempDir
    Path dir;


    @Test
    void theOperatorActivatesLinksBlocksReplacesAndLetsACardLeaveAndEachRefusalSaysItsCode() {
        Path data = hubData();
        String first = HubFixture.card(11);
        String second = HubFixture.card(12);
        String replacement = HubFixture.card(13);

        HubCommandRun activated = run("card-activate", "--card", first, "-s", "hub.data-dir=" + data);
        String household = household(activated.out());
        HubCommandRun linked = run("household-link", "--card", second, "--household", household, "-s", "hub.data-dir=" + data);
        HubCommandRun blocked = run("card-block", "--card", second, "--reason", "STOLEN", "-s", "hub.data-dir=" + data);
        HubCommandRun blockedAgain = run("card-block", "--card", second, "--reason", "LOST", "-s", "hub.data-dir=" + data);
        HubCommandRun replaced = run("card-replace", "--card", second, "--new", replacement, "-s", "hub.data-dir=" + data);
        HubCommandRun shown = run("household-show", "--with-card", replacement, "-s", "hub.data-dir=" + data);
        HubCommandRun left = run("household-leave", "--card", replacement, "--even-share", "-s", "hub.data-dir=" + data);
        HubCommandRun leftAgain = run("household-leave", "--card", replacement, "-s", "hub.data-dir=" + data);
        HubCommandRun unknown = run("household-link", "--card", HubFixture.card(500_000_002), "--household", household,
                "-s", "hub.data-dir=" + data);

        assertThat(linked.exitCode()).as(linked.err()).isZero();
        assertThat(linked.out()).contains("household " + household + ": balance 0, 2 card(s)");
        assertThat(blocked.out()).contains("****" + second.substring(12) + " BLOCKED (STOLEN)");
        assertThat(blockedAgain.exitCode()).isNotZero();
        assertThat(blockedAgain.err()).startsWith("error: already-blocked: card ****" + second.substring(12));
        assertThat(replaced.out()).contains("REPLACED").contains("****" + replacement.substring(12) + " ACTIVE");
        assertThat(shown.out()).contains("household " + household + ":").contains("3 card(s)");
        assertThat(left.exitCode()).as(left.err()).isZero();
        assertThat(household(left.out())).isNotEqualTo(household);
        assertThat(leftAgain.err()).startsWith("error: not-in-household:");
        assertThat(unknown.err()).startsWith("error: unknown-card:");
        String everything = String.join("\n", activated.out(), linked.out(), blocked.out(), replaced.out(), shown.out(),
                left.out(), blockedAgain.err(), unknown.err());
        assertThat(everything).as("no card number is printed").doesNotContain(first).doesNotContain(second)
                .doesNotContain(replacement);
    }

    @Test
    void anOperatorCredentialIsShownOnceAndCanBeRevoked() {
        Path data = hubData();

        HubCommandRun added = run("operator-credential-add", "-s", "hub.data-dir=" + data);
        Matcher id = Pattern.compile("id: +(opr-\\S+)").matcher(added.out());

        assertThat(id.find()).as(added.out()).isTrue();
        assertThat(run("operator-credential-revoke", "--credential", id.group(1), "-s", "hub.data-dir=" + data).exitCode()).isZero();
        assertThat(run("operator-credential-revoke", "--credential", id.group(1), "-s", "hub.data-dir=" + data).err())
                .startsWith("error: no active operator credential");
    }

    private static String household(String out) {
        Matcher m = HOUSEHOLD.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    /** A data folder with keys, a migrated database and an issued card range, as a hub leaves it. */
    private Path hubData() {
        Path data = dir.resolve("hub-data");
        try (Database db = Database.open(HubSettings.load(null, Map.of("hub.data-dir", data.toString())).databaseConfig(2))) {
            CoalitionAdmin admin = new CoalitionAdmin(db, IdGenerator.forNode(900), Clock.systemUTC());
            admin.issueCardRange(admin.createCardProgramme("coalition", "628000", 16, CheckDigitRule.LUHN),
                    HubFixture.RANGE_FIRST, HubFixture.RANGE_LAST);
        }
        assertThat(run("keys-init", "-s", "hub.data-dir=" + data).exitCode()).isZero();
        return data;
    }

    private static HubCommandRun run(String... args) {
        return HubCommandRun.of(args);
    }
}
