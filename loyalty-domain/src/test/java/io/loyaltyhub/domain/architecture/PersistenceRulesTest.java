package io.loyaltyhub.domain.architecture;

import io.loyaltyhub.domain.testing.Architecture;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenancy that cannot be forgotten: every JDBC statement is prepared by {@link MerchantSql} (which binds the merchant
 * itself and refuses SQL without its {@code :merchant} marker), {@link CoalitionSql} (which refuses tenant tables) or
 * the named escape {@link AcrossMerchants}. Read from the compiled classes, not the source text: a call to {@code
 * Connection.prepareStatement} anywhere else fails the build, however the SQL is spelt or assembled.
 */
@Architecture
class PersistenceRulesTest {
    /** The classes that may prepare statements themselves: the helpers (and their shared parser). */
    private static final Set<String> STATEMENT_MAKERS = Set.of(MerchantSql.class.getName(), CoalitionSql.class.getName(),
            AcrossMerchants.class.getName(), "io.loyaltyhub.domain.persistence.MarkedSql");

    /**
     * The reviewed uses of the escape; each states its reason at the call. A new entry here is a deliberate,
     * reviewed decision that a query may see several merchants' rows.
     */
    private static final Set<String> ACROSS_MERCHANTS_USERS = Set.of(
            "io.loyaltyhub.domain.engine.PurchaseJournal", // the engine's batch inserts (each row's own merchant)
            "io.loyaltyhub.domain.engine.LedgerWriter", // the same batch's ledger entries
            "io.loyaltyhub.domain.engine.ConflictLog", // the same batch's refused references
            "io.loyaltyhub.domain.terminal.JdbcTerminalDirectory", // log-in: the credential finds the merchant
            "io.loyaltyhub.domain.terminal.WrappedTerminalSecrets", // operator key rotation over every terminal
            "io.loyaltyhub.domain.terminal.UsedRequestNonces", // expired nonces of every terminal deleted at once
            "io.loyaltyhub.domain.admin.OperatorQueries", // operator audit: every merchant's report downloads
            "io.loyaltyhub.domain.expiry.PointsExpiry", // expiry job: an account's lots at every merchant
            "io.loyaltyhub.domain.portal.MemberHistory", // a member's own account's entries at every merchant
            "io.loyaltyhub.domain.ledger.LedgerVerification", // ledger-verify: entries filed under no known merchant
            "io.loyaltyhub.domain.settlement.StatementStore", // the operator sees every merchant's statement
            "io.loyaltyhub.domain.settlement.Liability", // the coalition's redeemed and expired points (breakage history)
            "io.loyaltyhub.domain.reward.RewardCatalogue", // operator's catalogue: which merchants hand out each reward
            "io.loyaltyhub.domain.earn.Tiers"); // tier job: each member's spend across the coalition

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loyaltyhub.domain");

    /**
     * Making a statement from SQL text: preparing one on a connection, or running text on any statement. The rules
     * import this code base's classes only (archunit.properties), so JDBC's type hierarchy is not known here: a
     * connection or statement is recognised by its java.sql type, or by a driver or pool type named like one.
     */
    static DescribedPredicate<JavaMethodCall> makingAStatement() {
        return DescribedPredicate.describe("Connection.prepareStatement/createStatement/prepareCall, or "
                + "Statement.execute*/addBatch(String sql)", call -> {
                    JavaClass owner = call.getTargetOwner();
                    String name = call.getName();
                    if (owner.isAssignableTo(Connection.class) || owner.getSimpleName().contains("Connection")) {
                        return Set.of("prepareStatement", "createStatement", "prepareCall").contains(name);
                    }
                    List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
                    boolean statement = owner.isAssignableTo(Statement.class) || owner.isAssignableTo(PreparedStatement.class)
                            || owner.isAssignableTo(CallableStatement.class) || owner.getSimpleName().contains("Statement");
                    return statement && (name.startsWith("execute") || name.equals("addBatch"))
                            && !parameters.isEmpty() && parameters.get(0).isEquivalentTo(String.class);
                });
    }

    private static final ArchRule STATEMENTS_ONLY_THROUGH_THE_HELPERS = noClasses()
            .that(DescribedPredicate.describe("are not MerchantSql, CoalitionSql, AcrossMerchants or MarkedSql",
                    c -> !STATEMENT_MAKERS.contains(c.getName())
                            && !STATEMENT_MAKERS.contains(c.getEnclosingClass().map(e -> e.getName()).orElse(""))))
            .should().callMethodWhere(makingAStatement())
                .because("a statement on a tenant table must be built by MerchantSql, which binds the merchant itself");

    @Test
    void onlyTheMerchantScopedHelperAndItsNamedEscapesPrepareStatements() {
        STATEMENTS_ONLY_THROUGH_THE_HELPERS.check(main);
    }

    /** A store that forgets the helper: what the rule exists to refuse. */
    static final class ForgetfulStore {
        int purchases(Connection c) throws java.sql.SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM purchase")) {
                return ps.executeUpdate();
            }
        }

        void viaAnyStatement(PreparedStatement somewhere) throws java.sql.SQLException {
            somewhere.executeQuery("SELECT * FROM purchase");
        }
    }

    @Test
    void theRuleRefusesAStatementPreparedOutsideTheHelpers() {
        JavaClasses forgetful = new ClassFileImporter().importClasses(ForgetfulStore.class);
        assertThatThrownBy(() -> STATEMENTS_ONLY_THROUGH_THE_HELPERS.check(forgetful))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ForgetfulStore.purchases").hasMessageContaining("ForgetfulStore.viaAnyStatement");
    }

    @Test
    void onlyReviewedClassesGoAcrossMerchants() {
        noClasses().that(DescribedPredicate.describe("are not reviewed cross-merchant queries",
                        c -> !ACROSS_MERCHANTS_USERS.contains(c.getName()) && !c.getName().equals(AcrossMerchants.class.getName())
                                && !ACROSS_MERCHANTS_USERS.contains(c.getEnclosingClass().map(e -> e.getName()).orElse(""))))
                .should().dependOnClassesThat().areAssignableTo(AcrossMerchants.class)
                .because("statements across merchants are a reviewed exception, listed here with their reason")
                .check(main);
    }

    /**
     * Hibernate's escape: the operator's session sees every merchant's entities ({@code @TenantId} is not applied).
     * The reviewed users: the coalition's own aggregates (merchants, card programmes and ranges), a merchant
     * credential's log-in (the credential is what finds the merchant), and the operator's download audit.
     */
    private static final Set<String> OPERATOR_SESSION_USERS = Set.of(
            "io.loyaltyhub.domain.admin.CoalitionAdmin",
            "io.loyaltyhub.domain.merchant.MerchantCredentials",
            "io.loyaltyhub.domain.report.ReportDownloads");

    @Test
    void onlyReviewedClassesOpenTheOperatorsSessionAcrossMerchants() {
        noClasses().that(DescribedPredicate.describe("are not reviewed operator-session users",
                        c -> !OPERATOR_SESSION_USERS.contains(c.getName())
                                && !c.getPackageName().equals("io.loyaltyhub.domain.persistence")))
                .should().callMethodWhere(DescribedPredicate.describe("Database.openOperatorSession/inOperatorTransaction",
                        (JavaMethodCall call) -> call.getTargetOwner().getName().equals(Database.class.getName())
                                && Set.of("openOperatorSession", "inOperatorTransaction").contains(call.getName())))
                .because("an operator session is Hibernate's way across merchants, a reviewed exception like AcrossMerchants")
                .check(main);
    }

    @Test
    void nothingRunsNativeSqlThroughHibernate() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("Hibernate native SQL",
                        access -> access.getName().startsWith("createNative")
                                && access.getTargetOwner().getPackageName().startsWith("org.hibernate")
                                || access.getTargetOwner().getPackageName().startsWith("org.hibernate")
                                && (access.getName().equals("doWork") || access.getName().equals("doReturningWork"))))
                .because("Hibernate sessions filter merchant-owned entities by @TenantId; native SQL and raw "
                        + "connections would bypass both that and MerchantSql")
                .check(main);
    }
}
