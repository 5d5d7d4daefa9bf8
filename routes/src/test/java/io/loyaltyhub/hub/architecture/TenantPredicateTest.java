package io.loyaltyhub.hub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A second line behind the build-time guarantee, kept for the one thing that guarantee does not see: which tables of
 * a statement its merchant constrains. The guarantee itself is not this text check: the domain's
 * {@code PersistenceRulesTest} (ArchUnit, over the compiled classes) lets only {@code MerchantSql}, {@code
 * CoalitionSql} and {@code AcrossMerchants} prepare statements, {@code MerchantSql} binds its merchant itself and
 * refuses SQL without the {@code :merchant} marker, and {@code CoalitionSql} refuses tenant tables; so no statement on a
 * tenant table runs without its merchant bound. What that leaves open is a merchant statement that joins a second
 * tenant table without tying it to the merchant too (a JOIN on store without {@code s.merchant_id}); this test
 * catches that, reading {@code :merchant} (or a bound {@code ?}) as the merchant.
 *
 * <p>Fails when SQL on a tenant table can run without the merchant predicate.
 *
 * <p>How: tenant tables are read from the Flyway migrations (every table whose DDL has {@code merchant_id ... NOT
 * NULL}). Then every SQL text in the main code of all modules is checked: each {@code .sql} file outside the
 * migrations (the report queries), and each Java statement's string literals joined together (so SQL split over
 * several concatenated literals, or around a constant like a column list, is read as one text). Table names are
 * matched in lower case after FROM / JOIN / UPDATE / INTO, which is how this code base writes SQL; HQL names
 * entities in upper camel case and is filtered by Hibernate's {@code @TenantId} instead. For each tenant table a
 * statement reads, updates or deletes, the statement must compare that table's {@code merchant_id} (by its alias,
 * or unqualified) with a bound parameter {@code ?}, or with the merchant_id of a table that is itself so bound; an
 * INSERT must name the {@code merchant_id} column. Statements that deliberately work across merchants are listed
 * below with the reason, per file, so a new one needs a reviewed entry here.
 *
 * <p>This is a static check: it cannot see SQL assembled at run time from non-literal pieces, which is why the
 * code keeps SQL in literals and report SQL in files, and why the cross-merchant suites test behaviour as well.
 */
class TenantPredicateTest {
    /** File name → why its statements may leave out the merchant predicate. */
    private static final Map<String, String> ACROSS_TENANTS = Map.ofEntries(
            Map.entry("JdbcTerminalDirectory.java", "terminal log-in: the credential id is what finds the merchant"),
            Map.entry("WrappedTerminalSecrets.java", "operator key rotation and migration: re-wraps every terminal's signing secret and "
                        + "MAC key under a new master key, or moves them from the legacy key file to the master key"),
            Map.entry("OperatorQueries.java", "operator command report-downloads without --merchant: the audit of every merchant's downloads"),
            Map.entry("PointsExpiry.java", "points expiry: an account's lots are its credits at every merchant (read by account), and each "
                        + "expired lot is booked at the merchant it was earned at"),
            Map.entry("MemberHistory.java", "the member page: a shopper's own account's ledger entries at every merchant (names only)"),
            Map.entry("UsedRequestNonces.java", "the sweep of expired request nonces: one statement deletes every terminal's expired rows"),
            Map.entry("LedgerVerification.java", "ledger-verify: entries filed under no known merchant, and a chained entry moved to "
                        + "another merchant, must still be found"),
            Map.entry("StatementStore.java", "settlement: the operator reads every merchant's statement of a period (the insert binds "
                        + "its merchant with :merchant inside a column list constant)"),
            Map.entry("Liability.java", "the breakage estimate: the coalition's expired and redeemed points, every merchant's"),
            Map.entry("RewardCatalogue.java", "the operator's rewards catalogue: which merchants hand out each reward"),
            Map.entry("Tiers.java", "the tier job: each member's spend across the coalition over the trailing 12 months"));

    private static final Pattern TABLE_DDL = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern TENANT_COLUMN = Pattern.compile("\\bmerchant_id\\s+BIGINT\\s+NOT NULL");
    private static final Pattern TABLE_USE = Pattern.compile(
            "(?i:\\b(FROM|JOIN|UPDATE|INTO))\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:(?i:AS)\\s+)?([a-z][a-z0-9_]*))?");
    private static final Set<String> NOT_ALIASES = Set.of("where", "set", "on", "join", "left", "inner", "group", "order",
            "values", "limit", "having", "for", "and", "select", "using");
    private static final Pattern SQL_VERB = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE)\\b");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("loyalty-domain")) ? here : here.getParent();
    }

    static Set<String> tenantTables(Path migrations) {
        Set<String> tables = new TreeSet<>();
        for (Path file : list(migrations, ".sql")) {
            Matcher m = TABLE_DDL.matcher(read(file));
            while (m.find()) {
                if (TENANT_COLUMN.matcher(m.group(2)).find()) {
                    tables.add(m.group(1));
                }
            }
        }
        return tables;
    }

    /** The problems of one SQL text: tenant tables it touches without the merchant predicate. */
    static List<String> missingPredicates(String sql, Set<String> tenantTables) {
        List<String> problems = new ArrayList<>();
        if (!SQL_VERB.matcher(sql).find()) {
            return problems; // a log message or other text that merely says "from terminal"
        }
        String text = sql.replaceAll("--[^\\n]*", " ").replaceAll("\\s+", " ");
        Matcher m = TABLE_USE.matcher(text);
        List<String[]> uses = new ArrayList<>();
        while (m.find()) {
            if (tenantTables.contains(m.group(2))) {
                String alias = m.group(3) == null || NOT_ALIASES.contains(m.group(3).toLowerCase()) ? null : m.group(3);
                uses.add(new String[] {m.group(1).toUpperCase(), m.group(2), alias});
            }
        }
        for (String[] use : uses) {
            if (use[0].equals("INTO")) {
                if (!Pattern.compile("INTO " + use[1] + "\\s*\\([^)]*\\bmerchant_id\\b").matcher(text).find()) {
                    problems.add("INSERT INTO " + use[1] + " without a merchant_id column");
                }
                continue;
            }
            if (!boundToMerchant(text, use[2])) {
                problems.add(use[0] + " " + use[1] + (use[2] == null ? "" : " " + use[2]) + " without merchant_id = ?");
            }
        }
        return problems;
    }

    private static boolean boundToMerchant(String text, String alias) {
        String column = alias == null ? "(?<![\\w.])merchant_id" : "\\b" + Pattern.quote(alias) + "\\.merchant_id";
        if (Pattern.compile(column + "\\s*=\\s*(\\?|:merchant\\b)").matcher(text).find()) {
            return true;
        }
        // Joined on another table's merchant_id, which is itself bound: a.merchant_id = b.merchant_id.
        Matcher joined = Pattern.compile(column + "\\s*=\\s*(\\w+)\\.merchant_id|(\\w+)\\.merchant_id\\s*=\\s*" + column)
                .matcher(text);
        while (joined.find()) {
            String other = joined.group(1) != null ? joined.group(1) : joined.group(2);
            if (!other.equals(alias) && Pattern.compile("\\b" + Pattern.quote(other) + "\\.merchant_id\\s*=\\s*(\\?|:merchant\\b)")
                    .matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Each Java statement's string literals, joined (a statement ends at a ';' outside literals). */
    static List<String> sqlOfJava(String source) {
        List<String> statements = new ArrayList<>();
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
        StringBuilder current = new StringBuilder();
        int last = 0;
        Matcher m = LITERAL.matcher(code);
        while (m.find()) {
            if (code.substring(last, m.start()).contains(";") && current.length() > 0) {
                statements.add(current.toString());
                current.setLength(0);
            }
            current.append(m.group(1) != null ? m.group(1) : m.group(2)).append(' ');
            last = m.end();
        }
        if (current.length() > 0) {
            statements.add(current.toString());
        }
        return statements;
    }

    @Test
    void everyStatementOnATenantTableCarriesTheMerchantPredicate() {
        Path root = root();
        Set<String> tenant = tenantTables(root.resolve("loyalty-domain/src/main/resources/db/migration"));
        assertThat(tenant).contains("purchase", "store", "terminal", "merchant_credential", "report_download")
                .doesNotContain("merchant", "member_account", "card");

        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String module : List.of("loyalty-domain", "pos-adapters", "routes")) {
            for (Path file : list(root.resolve(module).resolve("src/main"), ".java")) {
                if (ACROSS_TENANTS.containsKey(file.getFileName().toString())) {
                    continue;
                }
                for (String sql : sqlOfJava(read(file))) {
                    List<String> problems = missingPredicates(sql, tenant);
                    problems.forEach(p -> violations.add(root.relativize(file) + ": " + p + "  in: " + sql.trim()));
                }
            }
            for (Path file : list(root.resolve(module).resolve("src/main/resources"), ".sql")) {
                if (file.toString().contains("db" + java.io.File.separator + "migration")) {
                    continue;
                }
                checked++;
                missingPredicates(read(file), tenant).forEach(p -> violations.add(root.relativize(file) + ": " + p));
            }
        }
        assertThat(checked).as("report SQL files found").isGreaterThanOrEqualTo(6);
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckCatchesAMissingPredicate() {
        Set<String> tenant = Set.of("purchase", "store");
        assertThat(missingPredicates("SELECT id FROM purchase WHERE id = ?", tenant)).hasSize(1);
        assertThat(missingPredicates("SELECT p.id FROM purchase p JOIN store s ON s.id = p.store_id WHERE p.merchant_id = ?",
                tenant)).containsExactly("JOIN store s without merchant_id = ?");
        assertThat(missingPredicates("SELECT p.id FROM purchase p JOIN store s ON s.merchant_id = p.merchant_id AND "
                + "s.id = p.store_id WHERE p.merchant_id = ?", tenant)).isEmpty();
        assertThat(missingPredicates("SELECT p.id FROM purchase p WHERE p.merchant_id = p.merchant_id", tenant)).hasSize(1);
        assertThat(missingPredicates("UPDATE purchase SET points = ? WHERE id = ?", tenant)).hasSize(1);
        assertThat(missingPredicates("DELETE FROM store WHERE merchant_id = ? AND id = ?", tenant)).isEmpty();
        assertThat(missingPredicates("INSERT INTO purchase (id, points) VALUES (?, ?)", tenant)).hasSize(1);
        assertThat(missingPredicates("SELECT id FROM merchant WHERE code = ?", tenant)).isEmpty();
        assertThat(missingPredicates("listener {}: request from store {} refused", tenant)).isEmpty();
        assertThat(sqlOfJava("String a = \"SELECT id FROM purchase \"\n + COLS + \" WHERE merchant_id = ?\"; int b = 1;"))
                .containsExactly("SELECT id FROM purchase   WHERE merchant_id = ? ");
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
