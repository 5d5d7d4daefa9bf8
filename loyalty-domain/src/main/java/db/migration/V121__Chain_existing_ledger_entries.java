package db.migration;

import io.loyaltyhub.domain.ledger.LedgerBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Chains the ledger entries written before V120 (LedgerBackfill, docs/settlement.md). A Java migration because the
 * hash is SHA-256 in the chain's own text form, which H2 and MariaDB have no common SQL function for.
 */
public class V121__Chain_existing_ledger_entries extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        LedgerBackfill.chainExistingEntries(context.getConnection());
    }
}
