package io.loyaltyhub.adapters.simulator.architecture;

import io.loyaltyhub.domain.testing.Architecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The POS simulator is a till on the outside of the hub: it speaks the protocols through the client side of the codecs
 * and knows nothing else of the hub, neither its routes nor its storage nor its broker (module arrows: simulator ->
 * pos-adapters -> loyalty-domain; nothing of the product depends on the simulator).
 */
@Architecture
class SimulatorDependencyRulesTest {
    private final JavaClasses simulator = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loyaltyhub.adapters.simulator");

    @Test
    void theSimulatorDoesNotKnowTheHub() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters.simulator..")
                .should().dependOnClassesThat().resideInAPackage("io.loyaltyhub.hub..")
                .check(simulator);
    }

    @Test
    void theSimulatorTouchesNoStorage() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loyaltyhub.domain.persistence..", "jakarta.persistence..",
                        "org.hibernate..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari..")
                .check(simulator);
    }

    @Test
    void theSimulatorUsesOnlyTheDomainsCanonicalTypes() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loyaltyhub.domain.engine..", "io.loyaltyhub.domain.admin..",
                        "io.loyaltyhub.domain.member..", "io.loyaltyhub.domain.merchant..", "io.loyaltyhub.domain.report..")
                .check(simulator);
    }

    @Test
    void theSimulatorTalksToTheHubOnlyAsATerminalDoes() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "jakarta.jms..", "javax.jms..",
                        "org.apache.activemq..", "io.vertx..", "io.netty..")
                .check(simulator);
    }
}
