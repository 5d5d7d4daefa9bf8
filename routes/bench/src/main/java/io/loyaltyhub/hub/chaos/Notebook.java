package io.loyaltyhub.hub.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every transaction every till sent during one set-up's run, in the order they were first sent. */
final class Notebook {
    private final ConcurrentLinkedQueue<SwipeRecord> records = new ConcurrentLinkedQueue<>();

    SwipeRecord add(SwipeRecord record) {
        records.add(record);
        return record;
    }

    List<SwipeRecord> all() {
        return new ArrayList<>(records);
    }
}
