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

    /**
     * Reads the card number out of magnetic-stripe track data (Track 1 or Track 2, see {@link TrackData});
     * the rest of the track is dropped here.
     */
    default PresentedCard readTrack(CharSequence track) {
        return read(TrackData.panOfTrack(track));
    }
}
