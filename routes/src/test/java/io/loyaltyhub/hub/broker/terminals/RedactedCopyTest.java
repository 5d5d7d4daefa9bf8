package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactedCopyTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonBodyKeepsEverythingButTheCardNumberItsLastFourDigits() {
        String copy = RedactedCopy.of(utf8("{\"txnRef\":\"t-1\",\"cardNumber\":\"6280 0000 0000 1238\",\"amount\":-5}"));

        assertThat(copy).isEqualTo("{\"txnRef\":\"t-1\",\"cardNumber\":\"****1238\",\"amount\":-5}");
    }

    @Test
    void cardLikeDigitsAnywhereElseAreMaskedToo() {
        assertThat(RedactedCopy.of(utf8("{\"txnRef\":\"t-2\",\"note\":\"6280000000001238\"}"))).doesNotContain("6280000000001238")
                .contains("****1238");
        assertThat(RedactedCopy.of(utf8("not json 6280000000001238 {"))).isEqualTo("not json ****1238 {");
    }

    @Test
    void aLongBodyIsCut() {
        assertThat(RedactedCopy.of(utf8("x".repeat(10_000)))).hasSizeLessThan(RedactedCopy.MAX_CHARS + 10).endsWith("(cut)");
    }

    @Test
    void theTransactionReferenceIsReadOnlyWhenValid() {
        assertThat(RedactedCopy.txnRef(utf8("{\"txnRef\":\"till7-000123\"}"))).hasValue("till7-000123");
        assertThat(RedactedCopy.txnRef(utf8("{\"txnRef\":\"has space\"}"))).isEmpty();
        assertThat(RedactedCopy.txnRef(utf8("{\"txnRef\":7}"))).isEmpty();
        assertThat(RedactedCopy.txnRef(utf8("garbage"))).isEmpty();
    }
}
