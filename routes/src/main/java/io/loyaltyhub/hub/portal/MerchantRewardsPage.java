package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.earn.Campaign;
import io.loyaltyhub.domain.earn.CampaignEnding;
import io.loyaltyhub.domain.earn.EarnRuleRefused;
import io.loyaltyhub.domain.earn.MerchantCampaigns;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.portal.PortalSession;
import io.loyaltyhub.domain.reward.MerchantGifts;
import io.loyaltyhub.domain.reward.Reward;
import io.loyaltyhub.domain.reward.RewardRefusal;
import io.loyaltyhub.domain.reward.RewardRefused;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.RequestBodies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * /portal/merchant/rewards: the signed-in merchant's own gifts and campaigns (docs/rewards.md, "A merchant's own gifts
 * and campaigns"), listed, added and ended through the same domain services as the operator's CLI and API with the
 * session's merchant as their explicit merchant; the operator's rewards its tills hand out, read only. A refusal is
 * shown on the page with its code and the status the operator API would answer; a change done redirects to the page
 * (303), which then says what was done, so reloading it never sends the form twice.
 */
final class MerchantRewardsPage extends PortalStep {
    static final String PATH = "/portal/merchant/rewards";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** What a change did, named in the address it redirects to; the page shows its notice. */
    private static final Set<String> DONE = Set.of("gift-added", "gift-ended", "campaign-added", "campaign-ended",
            "campaign-withdrawn");

    private final MerchantPortalPages pages;
    private final MerchantSessionGate gate;
    private final MerchantGifts gifts;
    private final MerchantCampaigns campaigns;
    private final Clock clock;
    private final RequestBodies bodies = new RequestBodies(8 * 1024, "body-too-large", "the form");

    MerchantRewardsPage(MerchantPortalPages pages, MerchantSessionGate gate, MerchantGifts gifts,
                        MerchantCampaigns campaigns, Clock clock) {
        this.pages = pages;
        this.gate = gate;
        this.gifts = gifts;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> query = PortalLanguage.query(in);
        PortalLanguage language = PortalLanguage.of(in, query);
        Map<String, String> words = pages.messages(language);
        if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            PortalSession session = gate.require(in);
            Map<String, String> form = Forms.parse(new String(bodies.read(in), StandardCharsets.UTF_8));
            MerchantSessionGate.requireCsrf(in, session.csrfToken(), form);
            Map<String, String> values = new HashMap<>();
            String done = act(session.user().merchant(), form, words, values);
            if (done != null) {
                // after a change, to the page itself (a reload then shows it again rather than sending the form twice)
                redirect(exchange, PATH + "?done=" + done + "&code=" + URLEncoder.encode(form.getOrDefault("code", "").trim(),
                        StandardCharsets.UTF_8), null);
                return;
            }
            show(exchange, Integer.parseInt(values.remove("status")), session, language, values);
            return;
        }
        Optional<PortalSession> session = gate.session(in);
        if (session.isEmpty()) {
            redirect(exchange, MerchantSignIn.PATH, null);
            return;
        }
        Map<String, String> values = new HashMap<>();
        String done = query.getOrDefault("done", "");
        if (DONE.contains(done) && query.getOrDefault("code", "").matches("[A-Za-z0-9_-]{1,32}")) {
            values.put("notice", words.get("rewards." + done) + " " + query.getOrDefault("code", ""));
        }
        show(exchange, 200, session.get(), language, values);
    }

    /**
     * Does what the form asks; returns what was done (a {@link #DONE} key) or, refused, null with the refusal in
     * {@code values} ({@code error}, and the {@code status} the operator API would answer).
     */
    private String act(MerchantId merchant, Map<String, String> form, Map<String, String> words, Map<String, String> values) {
        String code = form.getOrDefault("code", "").trim();
        try {
            switch (form.getOrDefault("action", "")) {
                case "add-gift" -> {
                    Function<String, RuntimeException> bad = why -> new RewardRefused(RewardRefusal.INVALID_REWARD, why);
                    gifts.add(merchant, code, form.getOrDefault("name", "").trim(), number(form, "price", bad),
                            optionalNumber(form, "stock", bad), date(form, "from", bad), date(form, "until", bad));
                    return "gift-added";
                }
                case "end-gift" -> {
                    gifts.end(merchant, code);
                    return "gift-ended";
                }
                case "add-campaign" -> {
                    campaigns.add(merchant, campaign(code, form), blankToNull(form.get("store")));
                    return "campaign-added";
                }
                case "end-campaign" -> {
                    return campaigns.end(merchant, code) == CampaignEnding.Outcome.ENDED
                            ? "campaign-ended" : "campaign-withdrawn";
                }
                default -> throw new HttpProblem(400, "unknown-action",
                        "the form's action must be add-gift, end-gift, add-campaign or end-campaign");
            }
        } catch (RewardRefused r) {
            values.put("error", refusal(words, r.refusal().code(), r.getMessage()));
            values.put("status", Integer.toString(r.refusal().httpStatus()));
        } catch (EarnRuleRefused r) {
            values.put("error", refusal(words, r.code(), r.getMessage()));
            values.put("status", Integer.toString(r.code().startsWith("invalid-") ? 422 : r.code().startsWith("unknown-") ? 404 : 409));
        }
        return null;
    }

    /** A campaign from the form: its first and last day (UTC) become [first day 00:00, the day after the last). */
    private static Campaign campaign(String code, Map<String, String> form) {
        Function<String, RuntimeException> bad = why -> new EarnRuleRefused("invalid-campaign", why);
        long amount = number(form, "amount", bad);
        boolean multiplier = !"bonus".equals(form.get("kind"));
        LocalDateTime from = date(form, "from", bad).atStartOfDay();
        LocalDateTime until = date(form, "until", bad).plusDays(1).atStartOfDay();
        return new Campaign(code, multiplier ? amount : null, multiplier ? null : amount, from, until, null,
                blankToNull(form.get("category")), blankToNull(form.get("sku")));
    }

    private static String refusal(Map<String, String> words, String code, String detail) {
        return words.get("rewards.refused") + " " + code + ": "
                + words.getOrDefault("rewards.refusal." + code, "") + " (" + detail + ")";
    }

    private void show(Exchange exchange, int status, PortalSession session, PortalLanguage language,
                      Map<String, String> values) {
        Map<String, String> words = pages.messages(language);
        MerchantId merchant = session.user().merchant();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String csrf = session.csrfToken();

        List<Reward> own = gifts.own(merchant);
        OperatorConsolePages.Rows ownRows = new OperatorConsolePages.Rows();
        for (Reward r : own) {
            boolean ended = r.validUntil().isBefore(today);
            String state = ended ? "ended" : r.validFrom().isAfter(today) ? "upcoming" : "active";
            ownRows.rowWithActions(ended ? "" : OperatorConsolePages.button(PATH, csrf, words.get("rewards.end"), "danger",
                            "action", "end-gift", "code", r.code()),
                    r.code(), r.name(), Long.toString(r.pricePoints()), stock(r, words), r.validFrom().toString(),
                    r.validUntil().toString(), words.get("rewards.status." + state));
        }
        ownRows.emptyUnless(!own.isEmpty(), 8, words.get("rewards.none"));

        List<Reward> operators = gifts.fromOperator(merchant);
        OperatorConsolePages.Rows operatorRows = new OperatorConsolePages.Rows();
        for (Reward r : operators) {
            operatorRows.row(r.code(), r.name(), Long.toString(r.pricePoints()), stock(r, words), r.validFrom().toString(),
                    r.validUntil().toString());
        }
        operatorRows.emptyUnless(!operators.isEmpty(), 6, words.get("rewards.none"));

        List<MerchantCampaigns.Listed> listed = campaigns.list(merchant);
        OperatorConsolePages.Rows campaignRows = new OperatorConsolePages.Rows();
        for (MerchantCampaigns.Listed l : listed) {
            Campaign c = l.campaign();
            boolean ended = !c.endsAt().isAfter(now);
            String state = ended ? "ended" : c.startsAt().isAfter(now) ? "upcoming" : "active";
            campaignRows.rowWithActions(ended ? "" : OperatorConsolePages.button(PATH, csrf, words.get("rewards.end"),
                            "danger", "action", "end-campaign", "code", c.code()),
                    c.code(), c.isMultiplier() ? c.multiplierPercent() + " %" : "+" + c.bonusPoints() + " "
                            + words.get("member.points"), where(l, words), WHEN.format(c.startsAt()),
                    WHEN.format(c.endsAt()), words.get("rewards.status." + state));
        }
        campaignRows.emptyUnless(!listed.isEmpty(), 7, words.get("rewards.none"));

        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("notice", "");
        all.putIfAbsent("error", "");
        all.put("noticeClass", all.get("notice").isEmpty() ? "notice hidden" : "notice");
        all.put("errorClass", all.get("error").isEmpty() ? "error hidden" : "error");
        all.put("today", today.toString());
        all.put("ownGifts", ownRows.toString());
        all.put("operatorGifts", operatorRows.toString());
        all.put("campaigns", campaignRows.toString());
        pages.show(exchange, status, MerchantPortalPages.Page.REWARDS, session, all);
    }

    private static String stock(Reward r, Map<String, String> words) {
        return r.stockLeft() == null ? words.get("rewards.unlimited") : Long.toString(r.stockLeft());
    }

    private static String where(MerchantCampaigns.Listed l, Map<String, String> words) {
        Campaign c = l.campaign();
        String at = l.storeCode() == null ? words.get("rewards.all-stores") : words.get("rewards.store") + " " + l.storeCode();
        if (c.category() != null) {
            return at + ", " + words.get("rewards.category") + " " + c.category();
        }
        return c.sku() == null ? at : at + ", " + words.get("rewards.sku") + " " + c.sku();
    }

    private static long number(Map<String, String> form, String name, Function<String, RuntimeException> bad) {
        try {
            return Long.parseLong(form.getOrDefault(name, "").trim());
        } catch (NumberFormatException e) {
            throw bad.apply(name + " must be a whole number");
        }
    }

    private static Long optionalNumber(Map<String, String> form, String name, Function<String, RuntimeException> bad) {
        return blankToNull(form.get(name)) == null ? null : number(form, name, bad);
    }

    private static LocalDate date(Map<String, String> form, String name, Function<String, RuntimeException> bad) {
        try {
            return LocalDate.parse(form.getOrDefault(name, "").trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw bad.apply(name + " must be a day (YYYY-MM-DD)");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
