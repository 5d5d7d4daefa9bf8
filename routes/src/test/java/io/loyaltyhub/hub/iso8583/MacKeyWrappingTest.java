package io.loyaltyhub.hub.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.adapters.iso8583.MacKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MacKeyWrappingTest {

    private static final String KEY_HEX = "0123456789ABCDEFFEDCBA9876543210";
    private final MacKeyWrapping wrapping = MacKeyWrapping.ofHex("11".repeat(32));

    @Test
    void unwrapsWhatItWrappedForTheSameTerminal() {
        String wrapped = wrapping.wrap(HexFormat.of().parseHex(KEY_HEX), 42);

        assertThat(wrapped).doesNotContainIgnoringCase(KEY_HEX);
        assertThat(wrapping.unwrap(wrapped, 42)).isEqualTo(MacKey.ofHex(KEY_HEX));
    }

    @Test
    void aWrappedKeyCopiedToAnotherTerminalDoesNotUnwrap() {
        String wrapped = wrapping.wrap(HexFormat.of().parseHex(KEY_HEX), 42);

        assertThatThrownBy(() -> wrapping.unwrap(wrapped, 43)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyEncryptionKeyDoesNotUnwrapIt() {
        String wrapped = wrapping.wrap(HexFormat.of().parseHex(KEY_HEX), 42);

        assertThatThrownBy(() -> MacKeyWrapping.ofHex("22".repeat(32)).unwrap(wrapped, 42))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(KEY_HEX);
    }

    @Test
    void theSameKeyWrapsDifferentlyEachTime() {
        assertThat(wrapping.wrap(HexFormat.of().parseHex(KEY_HEX), 42)).isNotEqualTo(wrapping.wrap(HexFormat.of().parseHex(KEY_HEX), 42));
    }
}
