package io.loyaltyhub.domain.card;

import io.loyaltyhub.domain.txn.PresentedCard;

/**
 * The edge step that turns a card number into a {@link PresentedCard}: it checks the number against
 * the card programmes (length, prefix, check digit), finds the issued range it lies in, and replaces
 * it with a keyed-hash token plus last four. After this call the number is gone.
 */
public interface CardReader {

    /** @throws InvalidCardNumberException when the number fits no programme; the message never contains the number */
    PresentedCard read(CharSequence cardNumber);
}
