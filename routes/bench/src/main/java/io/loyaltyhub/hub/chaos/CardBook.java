package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.adapters.simulator.TestCards;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The suite's cards (serials 1..n of the 628000 programme) and the last balance any till was told for each,
 * which is what a till goes by when it offers a redemption. Card numbers stay in this process's memory.
 */
final class CardBook {
    static final String PREFIX = "628000";
    static final String FIRST = "6280000000000000";
    static final String LAST = "6280000099999999";

    private final String[] numbers;
    private final AtomicLongArray lastBalance;

    CardBook(int cards) {
        numbers = new String[cards + 1];
        lastBalance = new AtomicLongArray(cards + 1);
        for (int serial = 1; serial <= cards; serial++) {
            numbers[serial] = TestCards.luhnCard(PREFIX, 16, serial);
        }
    }

    int size() {
        return numbers.length - 1;
    }

    String number(int serial) {
        return numbers[serial];
    }

    void told(int serial, Answer answer) {
        if (answer.balance() != null) {
            lastBalance.set(serial, answer.balance());
        }
    }

    long lastBalance(int serial) {
        return lastBalance.get(serial);
    }
}
