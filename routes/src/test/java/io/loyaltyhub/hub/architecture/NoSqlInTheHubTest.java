package io.loyaltyhub.hub.architecture;

import io.loyaltyhub.domain.testing.Architecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No SQL in the hub: its classes reach the database only through the domain's stores (which build every statement
 * with MerchantSql, CoalitionSql or AcrossMerchants, see the domain's PersistenceRulesTest). Read from the compiled
 * classes: a JDBC statement or result set, a statement made on a connection, or the domain's statement helpers used
 * from here fail the build. (The benchmark and chaos tools, which set up and inspect databases of their own, are a
 * module of their own, {@code routes/bench}, outside the hub.)
 */
@Architecture
class NoSqlInTheHubTest {
    private static final Set<String> STATEMENT_TYPES = Set.of("java.sql.Statement", "java.sql.PreparedStatement",
            "java.sql.CallableStatement", "java.sql.ResultSet", "io.loyaltyhub.domain.persistence.MerchantSql",
            "io.loyaltyhub.domain.persistence.CoalitionSql", "io.loyaltyhub.domain.persistence.AcrossMerchants");

    private static final DescribedPredicate<JavaClass> STATEMENTS = DescribedPredicate.describe(
            "JDBC statements and result sets, or the domain's statement helpers",
            c -> STATEMENT_TYPES.contains(c.getName()));

    /** A statement made on a connection (the rules import this code base only, so a connection is known by name). */
    private static final DescribedPredicate<JavaMethodCall> MAKING_A_STATEMENT = DescribedPredicate.describe(
            "Connection.prepareStatement/createStatement/prepareCall",
            call -> (call.getTargetOwner().isAssignableTo(Connection.class)
                    || call.getTargetOwner().getSimpleName().contains("Connection"))
                    && Set.of("prepareStatement", "createStatement", "prepareCall").contains(call.getName()));

    static final ArchRule NO_SQL = noClasses()
            .that().resideInAPackage("io.loyaltyhub.hub..")
            .should().dependOnClassesThat(STATEMENTS)
            .orShould().callMethodWhere(MAKING_A_STATEMENT)
            .because("SQL lives in the domain's stores, where every statement on a tenant table carries its merchant");

    /**
     * The hub's classes that hold a JDBC connection, and why: each opens one of its own, outside the pool, and runs
     * nothing on it but through the domain.
     */
    static final Set<String> CONNECTION_HOLDERS = Set.of(
            "io.loyaltyhub.hub.cli.OperatorReadOnlyDatabase", // read-only commands, without the pool or Hibernate
            "io.loyaltyhub.hub.health.DatabaseProbe"); // readiness: a connection of its own, asked isValid

    private final JavaClasses hub = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loyaltyhub.hub");

    @Test
    void theHubHoldsNoSql() {
        NO_SQL.check(hub);
    }

    @Test
    void onlyTheNamedClassesHoldAJdbcConnection() {
        noClasses().that().resideInAPackage("io.loyaltyhub.hub..")
                    .and(DescribedPredicate.describe("are not named in CONNECTION_HOLDERS",
                        c -> !CONNECTION_HOLDERS.contains(c.getName().replaceAll("\\$.*", ""))))
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.DriverManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .because("transactions on the database are the domain's stores' business")
                .check(hub);
    }

    /** What the rule exists to refuse (it lives in the test sources, so only this check imports it). */
    static final class RouteWithSql {
        int count(Connection c) throws SQLException {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM purchase");
                 java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    @Test
    void theRuleRefusesAStatementInTheHub() {
        JavaClasses withSql = new ClassFileImporter().importClasses(RouteWithSql.class);
        assertThatThrownBy(() -> NO_SQL.check(withSql)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("RouteWithSql.count");
    }
}
