package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.OperatorDirectory;
import io.loyaltyhub.domain.admin.OperatorQueries;
import io.loyaltyhub.domain.admin.ReferenceConflicts;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.admin.TransactionLimitSettings;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.http.HttpProblem;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * /portal/operator/merchants/{code}: one merchant's stores and terminals — add a terminal, disable one, give one a new
 * secret (shown once, as terminal-add prints it) —, its report credentials — issue one (shown once, as
 * merchant-credential-add prints it), revoke one (every hub refuses it at once) — and the transactions refused at its
 * tills that the hub keeps for review: those a transaction limit declined ({@code limit_refusal}) and those whose reference was reused with other
 * content ({@code reference_conflict}). Cards appear by their last four digits only.
 */
final class OperatorMerchantPage extends PortalStep {
    static final int MAX_REFUSALS = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OperatorConsolePages console;
    private final OperatorDirectory directory;
    private final CoalitionAdmin admin;
    private final TransactionLimitSettings limits;
    private final ReferenceConflicts conflicts;
    private final MerchantCredentials credentials;

    OperatorMerchantPage(OperatorConsolePages console, OperatorDirectory directory, CoalitionAdmin admin,
                         TransactionLimitSettings limits, ReferenceConflicts conflicts, MerchantCredentials credentials) {
        this.console = console;
        this.directory = directory;
        this.admin = admin;
        this.limits = limits;
        this.conflicts = conflicts;
        this.credentials = credentials;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            OperatorConsolePages.PostedForm posted = console.postedForm(in);
            Map<String, String> form = posted.fields();
            SessionStore.Session<OperatorUser> session = posted.session();
            String code = in.getHeader("code", String.class);
            MerchantId merchant = merchant(code);
            Map<String, String> values = new HashMap<>();
            int status = act(merchant, code, form, console.messages(in), values);
            show(exchange, status, session, code, merchant, values);
            return;
        }
        Optional<SessionStore.Session<OperatorUser>> session = console.sessionOrSignIn(exchange);
        if (session.isPresent()) {
            String code = in.getHeader("code", String.class);
            show(exchange, 200, session.get(), code, merchant(code), new HashMap<>());
        }
    }

    /** Runs the form's action; the notice (or error) goes into {@code values}. @return the page's status */
    private int act(MerchantId merchant, String code, Map<String, String> form, Map<String, String> words,
                    Map<String, String> values) {
        String terminal = form.getOrDefault("terminal", "").trim();
        try {
            switch (form.getOrDefault("action", "")) {
                case "add" -> values.put("notice", credential(words.get("console.terminal-added"),
                        admin.addTerminal(merchant, form.getOrDefault("store", ""), terminal)));
                case "reset" -> values.put("notice", credential(words.get("console.terminal-reset"),
                        admin.resetTerminalSecret(merchant, terminal)));
                case "disable" -> values.put("notice", (admin.disableTerminal(merchant, terminal)
                        ? words.get("console.terminal-disabled") : words.get("console.terminal-was-disabled")) + " " + terminal);
                case "add-store" -> {
                    String store = ConsoleForms.required(form, "store-code");
                    admin.addStore(merchant, store, ConsoleForms.required(form, "store-name"));
                    values.put("notice", words.get("console.store-added") + " " + store);
                }
                case "issue-credential" -> {
                    MerchantCredential issued = credentials.issue(merchant);
                    values.put("notice", words.get("console.credential-issued") + " " + issued.credentialId() + " / "
                            + issued.secret());
                }
                case "revoke-credential" -> {
                    String credential = ConsoleForms.required(form, "credential");
                    if (!credentials.revoke(merchant, credential)) {
                        throw new IllegalArgumentException("merchant " + code + " has no active report credential "
                                + credential);
                    }
                    values.put("notice", words.get("console.credential-revoked") + " " + credential);
                }
                default -> throw new HttpProblem(400, "unknown-action", "the form's action must be add, reset, "
                        + "disable, add-store, issue-credential or revoke-credential");
            }
            return 200;
        } catch (IllegalArgumentException refused) {
            values.put("error", words.get("console.refused") + " " + refused.getMessage());
            return 422;
        }
    }

    private static String credential(String what, TerminalCredential c) {
        return what + " " + c.terminalCode() + ": " + c.credentialId() + " / " + c.secret();
    }

    private MerchantId merchant(String code) {
        return (code == null || code.length() > 32 ? Optional.<MerchantId>empty() : directory.merchantId(code))
                .orElseThrow(() -> new HttpProblem(404, "unknown-merchant", "there is no merchant " + code));
    }

    private void show(Exchange exchange, int status, SessionStore.Session<OperatorUser> session, String code,
                      MerchantId merchant, Map<String, String> values) {
        Map<String, String> words = console.messages(exchange.getMessage());
        String here = OperatorConsolePages.MERCHANTS + code;
        String csrf = session.csrfToken();
        List<OperatorQueries.StoreRow> stores = directory.stores(merchant);
        List<OperatorQueries.TerminalRow> terminals = directory.terminals(merchant);
        OperatorConsolePages.Rows storeRows = new OperatorConsolePages.Rows();
        StringBuilder storeOptions = new StringBuilder();
        for (OperatorQueries.StoreRow s : stores) {
            storeRows.row(s.code(), s.name());
            storeOptions.append("<option value=\"").append(PortalPages.escape(s.code())).append("\">")
                    .append(PortalPages.escape(s.code() + " · " + s.name())).append("</option>");
        }
        OperatorConsolePages.Rows terminalRows = new OperatorConsolePages.Rows();
        for (OperatorQueries.TerminalRow t : terminals) {
            String actions = OperatorConsolePages.button(here, csrf, words.get("console.reset-secret"), "secondary",
                    "action", "reset", "terminal", t.code());
            if (t.active()) {
                actions += OperatorConsolePages.button(here, csrf, words.get("console.disable"), "danger",
                        "action", "disable", "terminal", t.code());
            }
            terminalRows.rowWithActions(actions, t.code(), t.credentialId(),
                    words.getOrDefault("console.status." + t.status(), t.status()));
        }
        OperatorConsolePages.Rows credentialRows = new OperatorConsolePages.Rows();
        List<MerchantCredentials.IssuedCredential> issued = credentials.issued(merchant);
        for (MerchantCredentials.IssuedCredential c : issued) {
            String actions = c.active() ? OperatorConsolePages.button(here, csrf, words.get("console.revoke"), "danger",
                    "action", "revoke-credential", "credential", c.credentialId()) : "";
            credentialRows.rowWithActions(actions, c.credentialId(), WHEN.format(c.issuedAt()),
                    words.get(c.active() ? "console.status.ACTIVE" : "console.status.REVOKED"));
        }
        credentialRows.emptyUnless(!issued.isEmpty(), 4, words.get("console.none"));
        OperatorConsolePages.Rows limitRows = new OperatorConsolePages.Rows();
        List<TransactionLimitSettings.Refusal> refused = limits.refusals(merchant, MAX_REFUSALS);
        for (TransactionLimitSettings.Refusal r : refused) {
            limitRows.row(WHEN.format(r.refusedAt()), r.terminalCode(), r.txnRef(), r.kind(), "****" + r.last4(),
                    amount(r.amountMinor(), r.currency()), r.resultCode(), Long.toString(r.limit()));
        }
        limitRows.emptyUnless(!refused.isEmpty(), 8, words.get("console.none"));
        OperatorConsolePages.Rows conflictRows = new OperatorConsolePages.Rows();
        List<ReferenceConflicts.Conflict> reused = conflicts.of(merchant, MAX_REFUSALS);
        for (ReferenceConflicts.Conflict r : reused) {
            conflictRows.row(WHEN.format(r.seenAt()), r.terminalCode(), r.txnRef(), r.type(), "****" + r.last4(),
                    amount(r.amountMinor(), r.currency()), "****" + r.firstLast4() + " · "
                            + amount(r.firstAmountMinor(), r.firstCurrency()) + " · " + r.firstResult());
        }
        conflictRows.emptyUnless(!reused.isEmpty(), 7, words.get("console.none"));
        values.put("code", code);
        values.put("here", here);
        values.put("earnRules", here + OperatorEarnRulesPage.SUFFIX);
        values.put("stores", storeRows.toString());
        values.put("storeOptions", storeOptions.toString());
        values.put("terminals", terminalRows.toString());
        values.put("credentials", credentialRows.toString());
        values.put("limitRefusals", limitRows.toString());
        values.put("conflicts", conflictRows.toString());
        console.show(exchange, status, "operator-merchant.html", here, session, values);
    }

    /** Minor units as the currency writes them (integer arithmetic: a BigDecimal of the exact minor units). */
    static String amount(long minor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            digits = 0;
        }
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
