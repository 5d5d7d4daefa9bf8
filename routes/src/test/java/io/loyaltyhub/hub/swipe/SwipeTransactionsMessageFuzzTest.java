package io.loyaltyhub.hub.swipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hub's own swipe messages on the broker, as the queue may hold them after a bug, an older hub or a hand-made
 * message: the engine reads one as transactions or refuses it (IllegalArgumentException, which dead-letters it with
 * its reason). Whatever is read is what the gateway would have written: written again, it reads back the same.
 * Kept inputs: src/test/resources/io/loyaltyhub/hub/swipe/SwipeTransactionsMessageFuzzTestInputs/.
 */
class SwipeTransactionsMessageFuzzTest {

    private final SwipeMessages messages = new SwipeMessages();

    @FuzzTest
    @DictionaryEntries({"\"tx\"", "\"c\"", "\"m\"", "\"s\"", "\"t\"", "\"ref\"", "\"type\"", "\"tok\"", "\"kv\"", "\"l4\"",
            "\"rng\"", "\"old\"", "\"amt\"", "\"cur\"", "\"at\"", "\"orig\"", "\"rp\"", "\"ch\"", "\"lines\"", "\"sku\"",
            "\"cat\"", "\"qty\"", "SALE", "REFUND", "REDEEM", "HTTP_JSON", "BROKER", "\"EUR\"", "2026-11-23T10:15:30+01:00"})
    void anySwipeMessageIsReadAsTransactionsOrRefusedAsUnreadable(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<SwipeMessages.Addressed> chunk;
        try {
            chunk = messages.decodeChunk(text, "message-correlation-id");
        } catch (IllegalArgumentException unreadable) {
            assertThat(unreadable.getMessage()).startsWith("not a hub transaction message");
            return;
        }
        assertThat(messages.decodeChunk(messages.encodeChunk(chunk), "other-id")).as("the chunk written again").isEqualTo(chunk);
    }
}
