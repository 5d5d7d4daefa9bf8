package io.loyaltyhub.hub.architecture;

import io.loyaltyhub.domain.testing.Architecture;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The running hub's packages: no cycles between them, and the channels (the edges terminals and merchants talk to)
 * leave storage to the domain. Where the code breaks a rule today the break is named below with its reason, and a
 * test checks every named break is still there, so fixing one means deleting its entry.
 *
 * <p>A slice is a package under {@code io.loyaltyhub.hub} with its subpackages. The root package itself
 * ({@code LoyaltyHub}, {@code HubExtension}, {@code ChannelPorts}) is not a slice: it assembles the hub from every
 * package and hands each channel its ports, so every channel and the assembly meet there.
 */
@Architecture
class HubDependencyRulesTest {
    private static final String[] CHANNELS = {"io.loyaltyhub.hub.http..", "io.loyaltyhub.hub.iso8583..",
        "io.loyaltyhub.hub.poslog..", "io.loyaltyhub.hub.csv..", "io.loyaltyhub.hub.broker.terminals..", "io.loyaltyhub.hub.reports.."};
    private static final String[] PERSISTENCE = {"io.loyaltyhub.domain.persistence..", "jakarta.persistence..", "org.hibernate..",
        "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari.."};

    /** Channel classes that use storage themselves today (JDBC, entities or the Database), and why. */
    static final Map<String, String> CHANNEL_CLASSES_WITH_STORAGE = Map.of(
            "io.loyaltyhub.hub.http.TerminalSigningKeys", "opens the domain's store of request-signing secrets on the Database",
            "io.loyaltyhub.hub.iso8583.JdbcTerminalMacKeys", "opens the domain's store of MAC keys on the Database",
            "io.loyaltyhub.hub.iso8583.Iso8583MacKeyCommand", "the operator command opens the Database itself",
            "io.loyaltyhub.hub.csv.ProcessedFiles", "opens the domain's register of processed inbox files on the Database",
            "io.loyaltyhub.hub.reports.DownloadsListProcessor", "lists the report-download audit from its entities");

    /** Dependencies that close a cycle between slices today: origin class -> target class, and why. */
    static final List<String[]> CYCLE_BREAKS = List.of(
            new String[] {"io.loyaltyhub.hub.iso8583.Iso8583MacKeyCommand", "io.loyaltyhub.hub.cli.ExistingHubData",
                "an operator command living with its channel uses the command line's data-folder check (iso8583 <-> cli)"},
            new String[] {"io.loyaltyhub.hub.keys.MasterKeyRotation", "io.loyaltyhub.hub.iso8583.JdbcTerminalMacKeys",
                "the master key rotation re-wraps the MAC keys the ISO 8583 channel keeps (keys <-> iso8583)"},
            new String[] {"io.loyaltyhub.hub.broker.terminals.TerminalIngress", "io.loyaltyhub.hub.swipe.SwipeGateway",
                "the broker terminals' channel submits swipes like every channel, and shares its top-level package with "
                        + "the broker the swipe queue lives on (broker <-> swipe; the channel moves out in issue 13)"});

    private final JavaClasses hub = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loyaltyhub.hub");

    @Test
    void theHubsPackagesDependOnEachOtherWithoutCycles() {
        SliceRule rule = slices().matching("io.loyaltyhub.hub.(*)..").should().beFreeOfCycles()
                // The command line's root lists every subcommand, wherever it lives (iso8583, broker): the list is the
                // program's entry point, not a layer.
                .ignoreDependency(name("io.loyaltyhub.hub.cli.HubCommand"), annotatedWith(Command.class));
        for (String[] known : CYCLE_BREAKS) {
            rule = rule.ignoreDependency(name(known[0]), name(known[1]));
        }
        rule.check(hub);
    }

    @Test
    void theChannelsLeaveStorageToTheDomain() {
        noClasses().that().resideInAnyPackage(CHANNELS)
                .and(DescribedPredicate.describe("are not named in CHANNEL_CLASSES_WITH_STORAGE",
                        (JavaClass c) -> !CHANNEL_CLASSES_WITH_STORAGE.containsKey(topLevelName(c))))
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
                .check(hub);
    }

    @Test
    void theChannelsGetTheirPortsNotTheHub() {
        noClasses().that().resideInAnyPackage(CHANNELS)
                .should().dependOnClassesThat().haveFullyQualifiedName("io.loyaltyhub.hub.LoyaltyHub")
                .because("a channel gets ChannelPorts, the hub does not hand itself to anyone")
                .check(hub);
    }

    @Test
    void theChannelsReachTheEngineOnlyThroughTheIntake() {
        noClasses().that().resideInAnyPackage(CHANNELS)
                .should().dependOnClassesThat(resideInAnyPackage("io.loyaltyhub.hub.swipe..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.type(io.loyaltyhub.hub.swipe.SwipeGateway.class))))
                .because("every channel hands its transactions to the intake route (or ChannelPorts.intake), never to "
                        + "the swipe queue's own classes")
                .check(hub);
    }

    @Test
    void everyNamedExceptionIsStillNeeded() {
        for (String name : CHANNEL_CLASSES_WITH_STORAGE.keySet()) {
            assertThat(dependencies(name).stream().anyMatch(d -> resideInAnyPackage(PERSISTENCE).test(d.getTargetClass())))
                    .as(name + " no longer uses storage: delete it from CHANNEL_CLASSES_WITH_STORAGE").isTrue();
        }
        for (String[] known : CYCLE_BREAKS) {
            assertThat(dependencies(known[0]).stream().anyMatch(d -> d.getTargetClass().getName().equals(known[1])))
                    .as(known[0] + " no longer depends on " + known[1] + ": delete it from CYCLE_BREAKS").isTrue();
        }
    }

    private List<Dependency> dependencies(String className) {
        return hub.stream().filter(c -> topLevelName(c).equals(className))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream()).toList();
    }

    private static String topLevelName(JavaClass javaClass) {
        return javaClass.getName().replaceAll("\\$.*", "");
    }
}
