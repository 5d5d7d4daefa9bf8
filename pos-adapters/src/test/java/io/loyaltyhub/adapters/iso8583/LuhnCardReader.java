package io.loyaltyhub.adapters.iso8583;

import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.card.Luhn;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A card reader for codec tests: any 16-digit number starting 628 with a valid Luhn digit; remembers what it was given. */
final class LuhnCardReader implements CardReader {

    final List<String> numbersRead = new ArrayList<>();

    @Override
    public PresentedCard read(CharSequence cardNumber) {
        String number = cardNumber.toString();
        numbersRead.add(number);
        if (!number.matches("628[0-9]{13}")) {
            throw new InvalidCardNumberException(InvalidCardNumberException.Reason.FORMAT);
        }
        if (!Luhn.isValid(number)) {
            throw new InvalidCardNumberException(InvalidCardNumberException.Reason.CHECK_DIGIT);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(number.getBytes(StandardCharsets.US_ASCII));
            return new PresentedCard(new CardToken(HexFormat.of().formatHex(hash), 1, number.substring(12)), 1L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
