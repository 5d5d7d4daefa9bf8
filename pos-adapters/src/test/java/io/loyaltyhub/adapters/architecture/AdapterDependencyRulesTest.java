package io.loyaltyhub.adapters.architecture;

import io.loyaltyhub.domain.testing.Architecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The codecs turn bytes into canonical transactions and back, and nothing more: they know neither the running hub
 * nor how anything is stored, and use only the domain's canonical types (the modules' arrows point one way: routes
 * -> pos-adapters -> loyalty-domain). The tools that drive them from outside (the POS simulator in pos-adapters/simulator,
 * the benchmark in routes/bench) depend on them, never the other way round.
 */
@Architecture
class AdapterDependencyRulesTest {
    private final JavaClasses adapters = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loyaltyhub.adapters");

    @Test
    void theAdaptersDoNotKnowTheHub() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters..")
                .should().dependOnClassesThat().resideInAPackage("io.loyaltyhub.hub..")
                .check(adapters);
    }

    @Test
    void theAdaptersDoNotTouchPersistence() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loyaltyhub.domain.persistence..", "jakarta.persistence..",
                        "org.hibernate..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari..")
                .check(adapters);
    }

    @Test
    void theAdaptersUseOnlyTheDomainsCanonicalTypes() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loyaltyhub.domain.engine..", "io.loyaltyhub.domain.admin..",
                        "io.loyaltyhub.domain.member..", "io.loyaltyhub.domain.merchant..", "io.loyaltyhub.domain.report..")
                .check(adapters);
    }

    @Test
    void theAdaptersArePlainJavaWithoutCamelOrABrokerServer() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "jakarta.jms..", "javax.jms..",
                        "org.apache.activemq..", "io.vertx..", "io.netty..")
                .check(adapters);
    }

    @Test
    void theAdaptersPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.loyaltyhub.adapters.(*)..").should().beFreeOfCycles().check(adapters);
    }

    @Test
    void theAdaptersCarryNoCommandLineNorTestClientLibraries() {
        noClasses().that().resideInAPackage("io.loyaltyhub.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loyaltyhub.adapters.simulator..", "picocli..",
                        "org.HdrHistogram..", "org.eclipse.paho..")
                .check(adapters);
    }
}
