package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.config.HubSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** The operator's command line as an operator meets it: its help, its refusals, and what a command opens. */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class OperatorCommandLineTest {

    @TempDir
    Path dir;

    /** What one command printed and returned. */

    @Test
    void everyOptionAndParameterOfEveryCommandIsDescribedInItsHelp() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(new CommandLine(new HubCommand()), undescribed);

        assertThat(undescribed).isEmpty();
    }

    @Test
    void brokerTerminalSecurityPrintsTheRightsOfEveryActiveTerminalFromTheDatabase() {
        Path data = existingHubData();
        withAdmin(data, admin -> {
            io.loyaltyhub.domain.model.MerchantId books = admin.createMerchant("books", "Pages");
            admin.addStore(books, "S1", "Main street");
            admin.addTerminal(books, "S1", "T1");
            admin.addTerminal(books, "S1", "T2");
            return null;
        });

        HubCommandRun xml = run("broker-terminal-security", "-s", "hub.data-dir=" + data);
        HubCommandRun roles = run("broker-terminal-security", "--print", "ROLES", "-s", "hub.data-dir=" + data);

        assertThat(xml.exitCode()).as(xml.err()).isZero();
        assertThat(xml.out()).contains("2 active terminal(s) of 1 merchant(s)")
                .contains("<security-setting match=\"pos.in.books.T1\">")
                .contains("<permission type=\"send\" roles=\"terminal.books.T2\"/>");
        assertThat(roles.out()).isEqualTo("terminal.books.T1=books.T1\nterminal.books.T2=books.T2\n");
    }

    @Test
    void aDuplicateMerchantAddSaysTheMerchantExistsInsteadOfShowingSql() {
        Path data = existingHubData();
        assertThat(run("merchant-add", "--code", "books", "--name", "Pages", "-s", "hub.data-dir=" + data).exitCode()).isZero();

        HubCommandRun again = run("merchant-add", "--code", "books", "--name", "Pages again", "-s", "hub.data-dir=" + data);

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err().strip()).isEqualTo("error: merchant books already exists");
    }

    @Test
    void aCommandRunWhereThereIsNoHubDataSaysWhereItLookedAndCreatesNothing() {
        Path nowhere = dir.resolve("not-a-hub").resolve("hub-data");

        HubCommandRun merchants = run("merchants", "-s", "hub.data-dir=" + nowhere);
        HubCommandRun keys = run("keys-list", "-s", "hub.data-dir=" + nowhere);
        HubCommandRun add = run("merchant-add", "--code", "x", "--name", "X", "-s", "hub.data-dir=" + nowhere);

        assertThat(merchants.exitCode()).isNotZero();
        assertThat(merchants.err()).contains("no hub data in " + nowhere.toAbsolutePath())
                .contains("-s hub.data-dir=DIR").contains("only 'run' and 'keys-init' create a new data folder");
        assertThat(keys.err()).contains("no hub data in " + nowhere.toAbsolutePath());
        assertThat(add.exitCode()).isNotZero();
        assertThat(nowhere.getParent()).as("nothing created").doesNotExist();
    }

    @Test
    void aCardThatWasNeverSwipedIsNamedOnceNotAsCardCard() {
        Path data = existingHubData();
        assertThat(run("keys-init", "-s", "hub.data-dir=" + data).exitCode()).isZero();
        withAdmin(data, admin -> admin.issueCardRange(admin.createCardProgramme("coalition", "628000", 16, CheckDigitRule.LUHN),
                HubFixture.RANGE_FIRST, HubFixture.RANGE_LAST));
        String card = HubFixture.card(7_805);

        HubCommandRun enrol = run("member-enrol", "--card", card, "--name", "Ada", "-s", "hub.data-dir=" + data);

        assertThat(enrol.err().strip()).isEqualTo("error: card ****" + card.substring(12) + " has not been activated yet (swipe it once)");
    }

    @Test
    void readOnlyCommandsLoadNeitherHibernateNorFlywayWhenTheSchemaIsCurrent() throws Exception {
        Path data = existingHubData();
        withAdmin(data, admin -> admin.createMerchant("books", "Pages & Co."));

        String classes = runInItsOwnJvm("merchants", "-s", "hub.data-dir=" + data);

        assertThat(classes).contains("books").contains("io.loyaltyhub.hub.cli.OperatorReadOnlyDatabase");
        assertThat(classes).as("Hibernate is not started").doesNotContain("org.hibernate.internal.SessionFactoryImpl");
        assertThat(classes).as("Flyway is not started").doesNotContain("org.flywaydb.core.Flyway ");
    }

    @Test
    void aReadOnlyCommandStillMigratesADatabaseThatIsBehind() throws Exception {
        Path data = dir.resolve("hub-data");
        var config = HubSettings.load(null, Map.of("hub.data-dir", data.toString())).databaseConfig(2);
        try (var neverMigrated = java.sql.DriverManager.getConnection(config.url(), config.user(), config.password())) {
            assertThat(neverMigrated.isValid(5)).isTrue();
        }

        HubCommandRun merchants = run("merchants", "-s", "hub.data-dir=" + data);

        assertThat(merchants.exitCode()).as(merchants.err()).isZero();
        try (Database db = Database.open(config); var c = db.connection(); var s = c.createStatement();
             var rows = s.executeQuery("SELECT COUNT(*) FROM merchant")) {
            assertThat(rows.next()).as("the schema is there now").isTrue();
        }
    }

    /** A data folder with a migrated embedded database, as a hub leaves it after its first start. */
    private Path existingHubData() {
        Path data = dir.resolve("hub-data");
        withAdmin(data, admin -> null);
        return data;
    }

    private static void withAdmin(Path data, java.util.function.Function<CoalitionAdmin, ?> work) {
        try (Database db = Database.open(HubSettings.load(null, Map.of("hub.data-dir", data.toString())).databaseConfig(2))) {
            work.apply(new CoalitionAdmin(db, IdGenerator.forNode(900), Clock.systemUTC()));
        }
    }

    private static HubCommandRun run(String... args) {
        return HubCommandRun.of(args);
    }

    /** Runs the command as the operator does, in a JVM of its own, and returns its output and every class it loaded. */
    private String runInItsOwnJvm(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), HubCommand.class.getName()));
        command.addAll(List.of(args));
        Path output = dir.resolve("command-output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the command finished").isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    private static void collectUndescribed(CommandLine command, List<String> undescribed) {
        String name = command.getCommandSpec().qualifiedName();
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp() && blank(option)) {
                undescribed.add(name + " " + option.longestName());
            }
        }
        for (ArgSpec parameter : command.getCommandSpec().positionalParameters()) {
            if (blank(parameter)) {
                undescribed.add(name + " " + parameter.paramLabel());
            }
        }
        command.getSubcommands().values().forEach(sub -> collectUndescribed(sub, undescribed));
    }

    private static boolean blank(ArgSpec arg) {
        return arg.description().length == 0 || String.join("", arg.description()).isBlank();
    }
}
