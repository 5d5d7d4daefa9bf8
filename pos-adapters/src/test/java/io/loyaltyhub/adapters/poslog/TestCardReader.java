package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.card.CardCatalog;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CardRange;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.card.ProgrammeCardReader;
import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hub's own card reader over two programmes like the coalition's: 16-digit numbers starting 628000 with a
 * Luhn check digit, and NCR's 25-digit membership ids (prefix 0000000000, no check digit). Counts how often it
 * was asked, so tests can prove a number reached the reader only after every cheap check.
 */
public final class TestCardReader implements CardReader {

    private static final CardTokenizer TOKENIZER = new CardTokenizer(key(), 1);

    private final CardReader reader = new ProgrammeCardReader(() -> new CardCatalog(
            List.of(new CardProgramme(1, "coalition", "628000", 16, CheckDigitRule.LUHN),
                    new CardProgramme(2, "ncr-membership", "0000000000", 25, CheckDigitRule.NONE)),
            List.of(new CardRange(11, 1, "6280000000000000", "6280009999999999"))), TOKENIZER);
    private final List<Integer> lengthsRead = new ArrayList<>();

    @Override
    public PresentedCard read(CharSequence cardNumber) {
        lengthsRead.add(cardNumber.length());
        return reader.read(cardNumber);
    }

    public int timesRead() {
        return lengthsRead.size();
    }

    public static String tokenOf(String number) {
        return TOKENIZER.tokenize(number).hash();
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        return key;
    }
}
