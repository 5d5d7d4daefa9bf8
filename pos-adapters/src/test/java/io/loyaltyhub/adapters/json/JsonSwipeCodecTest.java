package io.loyaltyhub.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.poslog.TestCardReader;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class JsonSwipeCodecTest {

    private static final TerminalIdentity TILL = new TerminalIdentity(new MerchantId(7), "M7", new StoreId(70), "S1",
            new TerminalId(700), "T1");
    private final JsonSwipeCodec codec = new JsonSwipeCodec(new TestCardReader(), Clock.systemUTC());

    /** Found by JsonSwipeCodecFuzzTest: the parser reports a crossed limit without a location, which was read unchecked. */
    @Test
    void aNumberLongerThanTheLimitIsRefusedAsMalformedJsonNamingTheLimits() {
        InputRejected refusal = catchThrowableOfType(InputRejected.class,
                () -> codec.decode("3".repeat(67).getBytes(StandardCharsets.US_ASCII), TILL));

        assertThat(refusal.code()).isEqualTo("malformed-json");
        assertThat(refusal.getMessage()).contains("numbers of at most 20 digits").doesNotContain("333333");
    }

    @Test
    void nestingBeyondTheLimitIsRefusedAsMalformedJson() {
        InputRejected refusal = catchThrowableOfType(InputRejected.class,
                () -> codec.decode("{\"lineItems\":[[[[[[[[[[1]]]]]]]]]]}".getBytes(StandardCharsets.US_ASCII), TILL));

        assertThat(refusal.code()).isEqualTo("malformed-json");
    }

    @Test
    void aSyntaxErrorIsRefusedWithItsPlace() {
        InputRejected refusal = catchThrowableOfType(InputRejected.class,
                () -> codec.decode("{\"txnRef\": }".getBytes(StandardCharsets.US_ASCII), TILL));

        assertThat(refusal.code()).isEqualTo("malformed-json");
        assertThat(refusal.getMessage()).contains("line 1, column");
    }

    /** Found by JsonSwipeCodecFuzzTest: a line break in a field name hid the card number from the check before it was echoed. */
    @Test
    void anUnknownFieldNameHoldingACardNumberIsNotEchoedEvenAcrossALineBreak() {
        InputRejected refusal = catchThrowableOfType(InputRejected.class, () -> codec.decode(
                "{\"txnRef\":\"R-1\",\"card\\r6280001234567895\":\"x\"}".getBytes(StandardCharsets.US_ASCII), TILL));

        assertThat(refusal.code()).isEqualTo("unknown-field");
        assertThat(refusal.getMessage()).doesNotContain("628000").contains("(name not shown)");
    }
}
