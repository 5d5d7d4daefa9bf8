package io.loyaltyhub.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jackson refuses a body over one of the codec's limits (string length, nesting, number length) before reading the
 * value, with an exception that has no location: the codec must still answer malformed-json, never fail itself.
 */
class JsonSwipeCodecLimitsTest {
    private static final TerminalIdentity TERMINAL = new TerminalIdentity(new MerchantId(7), "M7", new StoreId(70), "S1",
            new TerminalId(700), "T1");
    private static final CardReader NO_CARDS = number -> {
        throw new AssertionError("no card may be read from a body over the limits");
    };
    private final JsonSwipeCodec codec = new JsonSwipeCodec(NO_CARDS, Clock.systemUTC());

    static String nested(int depth) {
        return "{\"txnRef\":\"n-1\",\"lineItems\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"string", "nesting", "number"})
    void aBodyOverAJsonLimitIsMalformedJsonWithAnExplanation(String limit) {
        String body = switch (limit) {
            case "string" -> "{\"txnRef\":\"" + "x".repeat(4_097) + "\"}";
            case "nesting" -> nested(9);
            default -> "{\"txnRef\":\"n-2\",\"amount\":" + "1".repeat(21) + "}";
        };

        InputRejected refused = catchThrowableOfType(InputRejected.class,
                () -> codec.decode(body.getBytes(StandardCharsets.UTF_8), TERMINAL));

        assertThat(refused).as("refused as bad input").isNotNull();
        assertThat(refused.code()).isEqualTo("malformed-json");
        assertThat(refused.getMessage()).contains("JSON limit");
    }

    @Test
    void invalidJsonStillNamesWhereItWentWrong() {
        InputRejected refused = catchThrowableOfType(InputRejected.class,
                () -> codec.decode("{\"txnRef\": }".getBytes(StandardCharsets.UTF_8), TERMINAL));

        assertThat(refused.code()).isEqualTo("malformed-json");
        assertThat(refused.getMessage()).contains("line 1, column");
    }
}
