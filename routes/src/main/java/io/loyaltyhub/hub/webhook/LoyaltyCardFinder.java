package io.loyaltyhub.hub.webhook;

import io.loyaltyhub.adapters.webhook.CardClues;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.member.CardAccounts;
import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the loyalty card of a provider's sale from its {@link CardClues}: a card number in a custom attribute or note
 * (read and tokenized here, like any card at the edge), else the one member who consented to hear from the merchant and
 * gave the customer's email or phone (that member's active card). The clues are dropped after this step.
 */
final class LoyaltyCardFinder {
    /** Digits, possibly grouped by spaces or dashes, 12 to 19 of them, not inside a longer run of digits. */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){11,18}(?![0-9])");

    /** What was found: a card, or why not. */
    record Found(PresentedCard card, String notFound) {
    }

    private final CardReader cards;
    private final MemberContacts members;
    private final CardAccounts accounts;

    LoyaltyCardFinder(CardReader cards, MemberContacts members, CardAccounts accounts) {
        this.cards = cards;
        this.members = members;
        this.accounts = accounts;
    }

    Found find(MerchantId merchant, CardClues clues) {
        for (String text : clues.cardTexts()) {
            Matcher numbers = NUMBER.matcher(text);
            while (numbers.find()) {
                try {
                    return new Found(cards.read(numbers.group().replaceAll("[ -]", "")), null);
                } catch (InvalidCardNumberException notACard) {
                    // another number in the note (an order number, a phone): look on
                }
            }
        }
        if (clues.email() == null && clues.phone() == null) {
            return new Found(null, "no loyalty card in the event's notes or attributes, and no customer email or phone");
        }
        Set<Long> matches = members.consentedAccountsWithContact(merchant, clues.email(), clues.phone());
        if (matches.size() > 1) {
            return new Found(null, "the customer's email or phone belongs to several enrolled members");
        }
        Optional<PresentedCard> card = matches.stream().findFirst().flatMap(accounts::activeCardOf);
        return card.map(c -> new Found(c, null)).orElseGet(() -> new Found(null, "no loyalty card in the event's notes or "
                + "attributes, and no enrolled member who consented to this merchant has the customer's email or phone"));
    }
}
