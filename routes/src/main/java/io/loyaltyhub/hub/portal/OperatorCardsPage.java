package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.card.CardCatalog;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CardRange;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.household.BlockReason;
import io.loyaltyhub.domain.household.BlockedCards;
import io.loyaltyhub.domain.household.CardLifecycle;
import io.loyaltyhub.domain.household.HouseholdView;
import io.loyaltyhub.domain.household.MemberOperationRefused;
import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.hub.http.HttpProblem;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * /portal/operator/cards: the card programmes and their issued ranges, the blocked cards (last four digits only), and
 * a form to block or unblock a card by its number — the same {@link CardLifecycle} as the operator API's
 * {@code /operator/v1/cards/block} and {@code unblock}, with the same refusal codes; the audit names the console user.
 * The number is turned into its token at once and shown back only as its last four digits.
 */
final class OperatorCardsPage extends PortalStep {
    static final int MAX_BLOCKED = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OperatorConsolePages console;
    private final CoalitionAdmin admin;
    private final CardReader cards;
    private final CardLifecycle lifecycle;
    private final BlockedCards blocked;

    OperatorCardsPage(OperatorConsolePages console, CoalitionAdmin admin, CardReader cards, CardLifecycle lifecycle,
                      BlockedCards blocked) {
        this.console = console;
        this.admin = admin;
        this.cards = cards;
        this.lifecycle = lifecycle;
        this.blocked = blocked;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            OperatorConsolePages.PostedForm posted = console.postedForm(in);
            Map<String, String> form = posted.fields();
            SessionStore.Session<OperatorUser> session = posted.session();
            Map<String, String> values = new HashMap<>();
            int status = "issue-range".equals(form.get("action")) ? issueRange(form, console.messages(in), values)
                    : act(session.owner(), form, console.messages(in), values);
            show(exchange, status, session, values);
            return;
        }
        Optional<SessionStore.Session<OperatorUser>> session = console.sessionOrSignIn(exchange);
        session.ifPresent(s -> show(exchange, 200, s, new HashMap<>()));
    }

    private int act(OperatorUser user, Map<String, String> form, Map<String, String> words, Map<String, String> values) {
        PresentedCard card;
        try {
            card = cards.read(form.getOrDefault("card", "").replace(" ", ""));
        } catch (InvalidCardNumberException | IllegalArgumentException e) {
            values.put("error", words.get("console.refused") + " invalid-card-number");
            return 422;
        }
        try {
            HouseholdView after;
            String done;
            switch (form.getOrDefault("action", "")) {
                case "block" -> {
                    after = lifecycle.block(card, reason(form.get("reason")), user.actor());
                    done = words.get("console.card-blocked");
                }
                case "unblock" -> {
                    after = lifecycle.unblock(card, user.actor());
                    done = words.get("console.card-unblocked");
                }
                default -> throw new HttpProblem(400, "unknown-action", "the form's action must be block or unblock");
            }
            values.put("notice", done + " ****" + card.token().last4() + " (" + words.get("console.household") + " "
                    + after.accountId() + ")");
            return 200;
        } catch (MemberOperationRefused refused) {
            values.put("error", words.get("console.refused") + " " + refused.refusal().code() + " (****" + card.token().last4() + ")");
            return refused.refusal().httpStatus();
        }
    }

    /** A range of a programme's cards, as {@code range-issue} issues it (running hubs pick it up on their refresh). */
    private int issueRange(Map<String, String> form, Map<String, String> words, Map<String, String> values) {
        try {
            String name = ConsoleForms.required(form, "programme");
            CardProgramme programme = admin.findCardProgramme(name)
                    .orElseThrow(() -> new IllegalArgumentException("no card programme named " + name));
            CardRange range = admin.issueCardRange(programme, ConsoleForms.required(form, "first"),
                    ConsoleForms.required(form, "last"));
            values.put("notice", words.get("console.range-issued") + " " + programme.name() + " (" + range.firstNumber()
                    + " – " + range.lastNumber() + ")");
            return 200;
        } catch (IllegalArgumentException refused) {
            values.put("error", words.get("console.refused") + " " + refused.getMessage());
            return 422;
        }
    }

    private static BlockReason reason(String text) {
        try {
            return BlockReason.valueOf(text == null ? "" : text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(422, "invalid-reason", "reason must be LOST, STOLEN, DAMAGED or OTHER");
        }
    }

    private void show(Exchange exchange, int status, SessionStore.Session<OperatorUser> session, Map<String, String> values) {
        Map<String, String> words = console.messages(exchange.getMessage());
        CardCatalog catalog = admin.loadCardCatalog();
        Map<Long, String> programmeNames = catalog.programmes().stream()
                .collect(Collectors.toMap(CardProgramme::id, CardProgramme::name));
        OperatorConsolePages.Rows programmes = new OperatorConsolePages.Rows();
        StringBuilder programmeOptions = new StringBuilder();
        for (CardProgramme p : catalog.programmes()) {
            programmes.row(p.name(), p.prefix(), Integer.toString(p.length()), p.checkDigit().name());
            programmeOptions.append("<option value=\"").append(PortalPages.escape(p.name())).append("\">")
                    .append(PortalPages.escape(p.name())).append("</option>");
        }
        OperatorConsolePages.Rows ranges = new OperatorConsolePages.Rows();
        for (CardRange r : catalog.ranges()) {
            ranges.row(programmeNames.getOrDefault(r.programmeId(), "?"), r.firstNumber(), r.lastNumber());
        }
        ranges.emptyUnless(!catalog.ranges().isEmpty(), 3, words.get("console.none"));
        List<BlockedCards.BlockedCard> list = blocked.newestFirst(MAX_BLOCKED);
        OperatorConsolePages.Rows blockedRows = new OperatorConsolePages.Rows();
        Function<String, String> reasonText = r -> r == null ? "" : words.getOrDefault("console.reason." + r, r);
        for (BlockedCards.BlockedCard b : list) {
            blockedRows.row("****" + b.last4(), Long.toString(b.household()), reasonText.apply(b.reason()),
                    b.since() == null ? "" : WHEN.format(b.since()));
        }
        blockedRows.emptyUnless(!list.isEmpty(), 4, words.get("console.none"));
        values.put("programmes", programmes.toString());
        values.put("programmeOptions", programmeOptions.toString());
        values.put("ranges", ranges.toString());
        values.put("blocked", blockedRows.toString());
        console.show(exchange, status, "operator-cards.html", OperatorConsolePages.CARDS, session, values);
    }
}
