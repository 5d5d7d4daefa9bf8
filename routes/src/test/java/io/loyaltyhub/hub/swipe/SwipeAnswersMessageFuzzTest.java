package io.loyaltyhub.hub.swipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The engine's answers messages on a gateway's reply queue, as it may hold them after a bug, an older hub or a
 * hand-made message: the gateway reads one as answers or ignores it as unreadable (IllegalArgumentException).
 * Whatever is read is what the engine would have written: written again, it reads back the same.
 * Kept inputs: src/test/resources/io/loyaltyhub/hub/swipe/SwipeAnswersMessageFuzzTestInputs/.
 */
class SwipeAnswersMessageFuzzTest {

    private final SwipeMessages messages = new SwipeMessages();

    @FuzzTest
    @DictionaryEntries({"\"a\"", "\"c\"", "\"r\"", "\"p\"", "\"b\"", "\"l4\"", "\"d\"", "APPROVED", "INSUFFICIENT_POINTS",
            "INVALID_CARD", "true", "null"})
    void anyAnswersMessageIsReadAsAnswersOrRefusedAsUnreadable(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<SwipeMessages.Answer> answers;
        try {
            answers = messages.decodeAnswers(text);
        } catch (IllegalArgumentException unreadable) {
            assertThat(unreadable.getMessage()).startsWith("not a hub answers message");
            return;
        }
        assertThat(messages.decodeAnswers(messages.encodeAnswers(answers))).as("the answers written again").isEqualTo(answers);
    }
}
