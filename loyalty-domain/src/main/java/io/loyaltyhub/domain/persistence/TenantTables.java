package io.loyaltyhub.domain.persistence;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables whose every row belongs to one merchant ({@code merchant_id ... NOT NULL}). {@code TenantTablesTest}
 * compares this list with the migrated schema, so a new tenant table cannot be left off it.
 */
final class TenantTables {
    static final Set<String> NAMES = Set.of("earn_rule", "store", "terminal", "terminal_mac_key", "terminal_signing_key",
            "merchant_credential", "report_download", "merchant_pgp_key", "purchase", "purchase_line", "ledger_entry",
            "processed_batch_file", "reference_conflict", "limit_refusal", "webhook_connection", "webhook_event",
            "webhook_customer_card",
            "merchant_user", "merchant_user_session", "used_request_nonce", "ledger_chain_head", "ledger_chain_link",
            "settlement_merchant_terms", "prepaid_topup", "settlement_statement",
            "reward_merchant", "points_payment", "earn_rate_version", "earn_credit_rule", "campaign");

    private TenantTables() {
    }

    /** The tenant tables a statement's text names (as whole identifiers, outside quoted literals). */
    static Set<String> namedIn(String sql) {
        Set<String> named = new TreeSet<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= sql.length(); i++) {
            char ch = i < sql.length() ? sql.charAt(i) : ' ';
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (!quoted && (Character.isLetterOrDigit(ch) || ch == '_')) {
                word.append(ch);
                continue;
            }
            if (word.length() > 0 && NAMES.contains(word.toString().toLowerCase(Locale.ROOT))) {
                named.add(word.toString().toLowerCase(Locale.ROOT));
            }
            word.setLength(0);
        }
        return named;
    }
}
