package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Two card programmes like the coalition's: 16-digit numbers starting 628 with a Luhn check digit, and NCR's
 * 25-digit membership ids (no check digit). Tokens are plain SHA-256 here; the hub's reader uses a keyed hash.
 * Remembers what it was asked, so tests can prove a number reached the reader (and nothing else).
 */
public final class TestCardReader implements CardReader {

    private final List<String> numbersRead = new ArrayList<>();

    @Override
    public PresentedCard read(CharSequence cardNumber) {
        String number = cardNumber.toString();
        numbersRead.add(number);
        boolean coalition = number.matches("628[0-9]{13}");
        boolean membership = number.matches("[0-9]{25}");
        if (!coalition && !membership) {
            throw new InvalidCardNumberException(InvalidCardNumberException.Reason.FORMAT);
        }
        if (coalition && !luhnValid(number)) {
            throw new InvalidCardNumberException(InvalidCardNumberException.Reason.CHECK_DIGIT);
        }
        return new PresentedCard(new CardToken(sha256(number), 1, number.substring(number.length() - 4)), 1L);
    }

    public List<String> numbersRead() {
        return numbersRead;
    }

    public static String tokenOf(String number) {
        return sha256(number);
    }

    private static boolean luhnValid(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static String sha256(String number) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(number.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
