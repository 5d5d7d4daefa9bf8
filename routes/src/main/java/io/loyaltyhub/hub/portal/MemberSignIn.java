package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.member.CardAccounts;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.portal.MemberPins;
import io.loyaltyhub.domain.portal.MemberSessions;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /portal/member/sign-in ({@link PortalSignIn}): a shopper's card number and the PIN of her account. The number is
 * turned into its tokens at once and never kept; the throttle is keyed by the card's token (every number that is not
 * a card shares one key). Signed in, she is her account's id.
 */
final class MemberSignIn implements PortalSignIn.Door<Long> {
    static final String COOKIE = "lh_member";

    private final CardReader cards;
    private final CardAccounts accounts;
    private final MemberPins pins;
    private final MemberSessions sessions;

    MemberSignIn(CardReader cards, CardAccounts accounts, MemberPins pins, MemberSessions sessions) {
        this.cards = cards;
        this.accounts = accounts;
        this.pins = pins;
        this.sessions = sessions;
    }

    @Override
    public String template() {
        return "member-sign-in.html";
    }

    @Override
    public String loginCookie() {
        return "lh_member_login";
    }

    @Override
    public String lockedMessage() {
        return "member.locked";
    }

    @Override
    public String failedMessage() {
        return "member.failed";
    }

    @Override
    public String credential(Map<String, String> form) {
        return card(form).map(card -> "member:" + card.token().hash()).orElse("member:invalid");
    }

    @Override
    public Optional<Long> verify(Map<String, String> form) {
        Optional<Long> account = card(form).flatMap(card -> {
            List<String> tokens = card.allTokens().stream().map(CardToken::hash).toList();
            return accounts.accountOf(tokens);
        });
        return pins.signIn(account, form.getOrDefault("pin", ""));
    }

    @Override
    public String openSession(Long account, boolean secureCookie) {
        return Cookies.set(COOKIE, sessions.open(account).cookie(), sessions.maxAge(), secureCookie);
    }

    @Override
    public String home() {
        return MemberPortal.PAGE;
    }

    private Optional<PresentedCard> card(Map<String, String> form) {
        try {
            return Optional.of(cards.read(form.getOrDefault("card", "").replace(" ", "")));
        } catch (InvalidCardNumberException | IllegalArgumentException notACard) {
            return Optional.empty();
        }
    }
}
