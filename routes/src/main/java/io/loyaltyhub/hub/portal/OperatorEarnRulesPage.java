package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.OperatorDirectory;
import io.loyaltyhub.domain.admin.OperatorQueries;
import io.loyaltyhub.domain.earn.BaseEarnRates;
import io.loyaltyhub.domain.earn.Campaign;
import io.loyaltyhub.domain.earn.CampaignEnding;
import io.loyaltyhub.domain.earn.Campaigns;
import io.loyaltyhub.domain.earn.EarnRateSchedule;
import io.loyaltyhub.domain.earn.EarnRateVersion;
import io.loyaltyhub.domain.earn.EarnRuleRefused;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.http.HttpProblem;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * /portal/operator/merchants/{code}/earn-rules: a merchant's base earn rates, the rate versions scheduled after them
 * and its campaigns; forms to schedule a new rate from a date, to add a campaign and to end one. Each form calls the
 * same domain services as {@code earn-rate-schedule}, {@code campaign-add} (docs/rewards.md) and their checks: a
 * refusal is shown with its code ({@code invalid-multiplier}, {@code campaign-overlap}, ...) and nothing is written.
 */
final class OperatorEarnRulesPage extends PortalStep {
    static final String SUFFIX = "/earn-rules";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OperatorConsolePages console;
    private final OperatorDirectory directory;
    private final BaseEarnRates baseRates;
    private final EarnRateSchedule schedule;
    private final Campaigns campaigns;
    private final CampaignEnding ending;
    private final Clock clock;

    OperatorEarnRulesPage(OperatorConsolePages console, OperatorDirectory directory, BaseEarnRates baseRates,
                          EarnRateSchedule schedule, Campaigns campaigns, CampaignEnding ending, Clock clock) {
        this.console = console;
        this.directory = directory;
        this.baseRates = baseRates;
        this.schedule = schedule;
        this.campaigns = campaigns;
        this.ending = ending;
        this.clock = clock;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        String code = in.getHeader("code", String.class);
        if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            OperatorConsolePages.PostedForm posted = console.postedForm(in);
            Map<String, String> form = posted.fields();
            SessionStore.Session<OperatorUser> session = posted.session();
            MerchantId merchant = merchant(code);
            Map<String, String> values = new HashMap<>();
            int status = act(merchant, form, console.messages(in), values);
            show(exchange, status, session, code, merchant, values);
            return;
        }
        Optional<SessionStore.Session<OperatorUser>> session = console.sessionOrSignIn(exchange);
        if (session.isPresent()) {
            show(exchange, 200, session.get(), code, merchant(code), new HashMap<>());
        }
    }

    private int act(MerchantId merchant, Map<String, String> form, Map<String, String> words, Map<String, String> values) {
        try {
            switch (form.getOrDefault("action", "")) {
                case "schedule-rate" -> {
                    String currency = ConsoleForms.required(form, "currency");
                    EarnRateVersion v = schedule.schedule(merchant, currency,
                            new EarnRate(ConsoleForms.number(form, "points"), ConsoleForms.number(form, "per")),
                            ConsoleForms.instant(form, "from"));
                    values.put("notice", words.get("console.rate-scheduled") + " " + v.rate().points() + " / "
                            + v.rate().perMinorUnits() + " " + v.currency() + " · " + WHEN.format(v.effectiveFrom()));
                }
                case "add-campaign" -> {
                    Campaign c = campaigns.add(merchant, campaign(merchant, form));
                    values.put("notice", words.get("console.campaign-added") + " " + c.code());
                }
                case "end-campaign" -> {
                    String campaign = ConsoleForms.required(form, "campaign");
                    CampaignEnding.Outcome outcome = ending.end(merchant, campaign);
                    values.put("notice", words.get("console.campaign." + outcome.name().toLowerCase(java.util.Locale.ROOT))
                            + " " + campaign);
                }
                default -> throw new HttpProblem(400, "unknown-action",
                        "the form's action must be schedule-rate, add-campaign or end-campaign");
            }
            return 200;
        } catch (EarnRuleRefused refused) {
            values.put("error", words.get("console.refused") + " " + refused.code() + ": " + refused.getMessage());
            return refused.code().startsWith("invalid-") || refused.code().startsWith("unknown-") ? 422 : 409;
        } catch (IllegalArgumentException refused) {
            values.put("error", words.get("console.refused") + " " + refused.getMessage());
            return 422;
        }
    }

    /** The form's campaign, checked by {@link Campaign} itself; the store by the merchant's own code. */
    private Campaign campaign(MerchantId merchant, Map<String, String> form) {
        Long multiplier = null;
        Long bonus = null;
        switch (form.getOrDefault("kind", "")) {
            case "multiplier" -> multiplier = ConsoleForms.number(form, "value");
            case "bonus" -> bonus = ConsoleForms.number(form, "value");
            default -> throw new EarnRuleRefused("invalid-campaign", "a campaign is either a multiplier or a bonus");
        }
        String store = ConsoleForms.optional(form, "store");
        return new Campaign(form.getOrDefault("code", "").trim(), multiplier, bonus, ConsoleForms.utc(form, "from"),
                ConsoleForms.utc(form, "until"), store == null ? null : campaigns.storeOf(merchant, store),
                ConsoleForms.optional(form, "category"), ConsoleForms.optional(form, "sku"));
    }

    private MerchantId merchant(String code) {
        return (code == null || code.length() > 32 ? Optional.<MerchantId>empty() : directory.merchantId(code))
                .orElseThrow(() -> new HttpProblem(404, "unknown-merchant", "there is no merchant " + code));
    }

    private void show(Exchange exchange, int status, SessionStore.Session<OperatorUser> session, String code,
                      MerchantId merchant, Map<String, String> values) {
        Map<String, String> words = console.messages(exchange.getMessage());
        String here = OperatorConsolePages.MERCHANTS + code + SUFFIX;
        OperatorConsolePages.Rows base = new OperatorConsolePages.Rows();
        baseRates.of(merchant).forEach((currency, rate) ->
                base.row(currency, Long.toString(rate.points()), Long.toString(rate.perMinorUnits())));
        OperatorConsolePages.Rows versions = new OperatorConsolePages.Rows();
        List<EarnRateVersion> scheduled = schedule.versions(merchant);
        for (EarnRateVersion v : scheduled) {
            versions.row(v.currency(), Long.toString(v.rate().points()), Long.toString(v.rate().perMinorUnits()),
                    WHEN.format(v.effectiveFrom()));
        }
        versions.emptyUnless(!scheduled.isEmpty(), 4, words.get("console.none"));
        Map<StoreId, String> storeCodes = new HashMap<>();
        StringBuilder storeOptions = new StringBuilder("<option value=\"\">")
                .append(PortalPages.escape(words.get("console.every-store"))).append("</option>");
        for (OperatorQueries.StoreRow s : directory.stores(merchant)) {
            storeCodes.put(campaigns.storeOf(merchant, s.code()), s.code());
            storeOptions.append("<option value=\"").append(PortalPages.escape(s.code())).append("\">")
                    .append(PortalPages.escape(s.code() + " · " + s.name())).append("</option>");
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OperatorConsolePages.Rows campaignRows = new OperatorConsolePages.Rows();
        List<Campaign> all = campaigns.list(merchant);
        for (Campaign c : all) {
            String state = !c.endsAt().isAfter(now) ? "ended" : c.startsAt().isAfter(now) ? "scheduled" : "running";
            String actions = "ended".equals(state) ? "" : OperatorConsolePages.button(here, session.csrfToken(),
                    words.get("console.end-campaign"), "danger", "action", "end-campaign", "campaign", c.code());
            campaignRows.rowWithActions(actions, c.code(), c.isMultiplier() ? c.multiplierPercent() + " %"
                            : "+" + c.bonusPoints() + " " + words.get("console.points"), WHEN.format(c.startsAt()),
                    WHEN.format(c.endsAt()), where(c, storeCodes, words), words.get("console.campaign-state." + state));
        }
        campaignRows.emptyUnless(!all.isEmpty(), 7, words.get("console.none"));
        values.put("code", code);
        values.put("here", here);
        values.put("merchantPage", OperatorConsolePages.MERCHANTS + code);
        values.put("baseRates", base.toString());
        values.put("versions", versions.toString());
        values.put("campaigns", campaignRows.toString());
        values.put("storeOptions", storeOptions.toString());
        console.show(exchange, status, "operator-earn-rules.html", here, session, values);
    }

    private static String where(Campaign c, Map<StoreId, String> storeCodes, Map<String, String> words) {
        String store = c.store() == null ? words.get("console.every-store") : storeCodes.getOrDefault(c.store(), "?");
        String lines = c.category() != null ? words.get("console.category") + " " + c.category()
                : c.sku() != null ? "SKU " + c.sku() : words.get("console.whole-sale");
        return store + " · " + lines;
    }
}
