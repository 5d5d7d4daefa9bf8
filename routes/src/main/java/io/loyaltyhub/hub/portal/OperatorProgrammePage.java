package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.earn.EarnRuleRefused;
import io.loyaltyhub.domain.earn.Tier;
import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.http.HttpProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * /portal/operator/programme: the coalition-wide rules of the programme — its tiers (define or replace one, as
 * {@code tier-define}; put every member in the tier they reach now, as {@code tiers-recompute}; the members each holds)
 * and when points expire (as {@code expiry-set}). The daily jobs recompute tiers and expire points by themselves.
 */
final class OperatorProgrammePage extends PortalStep {
    static final String PATH = "/portal/operator/programme";
    /** What the month rule's field offers when the rule is another. */
    private static final int DEFAULT_MONTHS = 24;

    private final OperatorConsolePages console;
    private final Tiers tiers;
    private final PointsExpiry expiry;

    OperatorProgrammePage(OperatorConsolePages console, Tiers tiers, PointsExpiry expiry) {
        this.console = console;
        this.tiers = tiers;
        this.expiry = expiry;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            OperatorConsolePages.PostedForm posted = console.postedForm(in);
            Map<String, String> values = new HashMap<>();
            int status = act(posted.fields(), console.messages(in), values);
            show(exchange, status, posted.session(), values);
            return;
        }
        Optional<SessionStore.Session<OperatorUser>> session = console.sessionOrSignIn(exchange);
        session.ifPresent(s -> show(exchange, 200, s, new HashMap<>()));
    }

    private int act(Map<String, String> form, Map<String, String> words, Map<String, String> values) {
        try {
            switch (form.getOrDefault("action", "")) {
                case "define-tier" -> {
                    Tier tier = new Tier(form.getOrDefault("code", "").trim(), form.getOrDefault("name", "").trim(),
                            form.getOrDefault("currency", "").trim().toUpperCase(Locale.ROOT),
                            ConsoleForms.number(form, "min-spend"), ConsoleForms.number(form, "multiplier"));
                    tiers.define(tier);
                    values.put("notice", words.get("console.tier-defined") + " " + tier.code());
                }
                case "recompute-tiers" -> values.put("notice", words.get("console.tiers-recomputed") + " "
                        + tiers.recompute().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
                case "set-expiry" -> {
                    Optional<ExpiryPolicy> policy = switch (form.getOrDefault("rule", "")) {
                        case "never" -> Optional.empty();
                        case "months" -> Optional.of(ExpiryPolicy.monthsAfterEarning(
                                Math.toIntExact(ConsoleForms.number(form, "months"))));
                        case "end-of-year" -> Optional.of(ExpiryPolicy.endOfYearAfterEarning());
                        default -> throw new IllegalArgumentException("the rule must be never, months or end-of-year");
                    };
                    expiry.setPolicy(policy);
                    values.put("notice", words.get("console.expiry-set") + " " + ruleText(policy, words));
                }
                default -> throw new HttpProblem(400, "unknown-action",
                        "the form's action must be define-tier, recompute-tiers or set-expiry");
            }
            return 200;
        } catch (EarnRuleRefused refused) {
            values.put("error", words.get("console.refused") + " " + refused.code() + ": " + refused.getMessage());
            return 422;
        } catch (IllegalArgumentException | ArithmeticException refused) {
            values.put("error", words.get("console.refused") + " " + refused.getMessage());
            return 422;
        }
    }

    private void show(Exchange exchange, int status, SessionStore.Session<OperatorUser> session, Map<String, String> values) {
        Map<String, String> words = console.messages(exchange.getMessage());
        List<Tier> defined = tiers.list();
        Map<String, Long> members = tiers.memberCounts();
        OperatorConsolePages.Rows tierRows = new OperatorConsolePages.Rows();
        for (Tier t : defined) {
            tierRows.row(t.code(), t.name(), OperatorMerchantPage.amount(t.minSpendMinor(), t.currency()),
                    t.multiplierPercent() + " %", Long.toString(members.getOrDefault(t.code(), 0L)));
        }
        tierRows.emptyUnless(!defined.isEmpty(), 5, words.get("console.none"));
        values.put("tiers", tierRows.toString());
        Optional<ExpiryPolicy> policy = expiry.policy();
        values.put("expiryRule", ruleText(policy, words));
        String current = policy.map(p -> p.rule() == ExpiryPolicy.Rule.MONTHS_AFTER_EARNING ? "months" : "end-of-year")
                .orElse("never");
        StringBuilder options = new StringBuilder();
        for (String rule : List.of("never", "months", "end-of-year")) {
            options.append("<option value=\"").append(rule).append('"').append(rule.equals(current) ? " selected" : "")
                    .append('>').append(PortalPages.escape(words.get("console.expiry." + rule))).append("</option>");
        }
        values.put("ruleOptions", options.toString());
        values.put("months", Integer.toString(policy.filter(p -> p.rule() == ExpiryPolicy.Rule.MONTHS_AFTER_EARNING)
                .map(ExpiryPolicy::months).orElse(DEFAULT_MONTHS)));
        console.show(exchange, status, "operator-programme.html", PATH, session, values);
    }

    private static String ruleText(Optional<ExpiryPolicy> policy, Map<String, String> words) {
        return policy.map(p -> p.rule() == ExpiryPolicy.Rule.MONTHS_AFTER_EARNING
                        ? p.months() + " " + words.get("console.expiry.months-after") : words.get("console.expiry.end-of-year"))
                .orElse(words.get("console.expiry.never"));
    }
}
