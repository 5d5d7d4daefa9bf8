package io.loyaltyhub.domain.architecture;

import io.loyaltyhub.domain.testing.Architecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain knows nothing of how transactions arrive (no Camel, JMS, HTTP, Vert.x, Netty or broker types), and its
 * packages depend on each other without cycles.
 */
@Architecture
class DependencyRulesTest {
    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loyaltyhub.domain");

    @Test
    void theDomainImportsNoIntegrationTypes() {
        noClasses().that().resideInAPackage("io.loyaltyhub.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "jakarta.jms..", "javax.jms..",
                        "org.apache.activemq..", "io.vertx..", "io.netty..", "jakarta.servlet..", "java.net.http..",
                        "com.sun.net.httpserver..")
                .check(domain);
    }

    @Test
    void theDomainsPackagesDependOnEachOtherWithoutCycles() {
        // A slice is a package under io.loyaltyhub.domain with its subpackages (persistence includes persistence.entity).
        slices().matching("io.loyaltyhub.domain.(*)..").should().beFreeOfCycles().check(domain);
    }

    @Test
    void onlyTheCryptoPackageUsesBouncyCastle() {
        noClasses().that().resideInAPackage("io.loyaltyhub.domain..")
                .and().resideOutsideOfPackage("io.loyaltyhub.domain.crypto..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(domain);
    }

    @Test
    void theDomainDoesNotKnowTheAdaptersOrTheHub() {
        noClasses().that().resideInAPackage("io.loyaltyhub.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loyaltyhub.adapters..", "io.loyaltyhub.hub..")
                .check(domain);
    }
}
