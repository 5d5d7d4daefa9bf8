package io.loyaltyhub.adapters.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MessageAuthenticationTest {

    private static final MacKey KEY = MacKey.ofHex("0123456789ABCDEFFEDCBA9876543210");
    private final Iso8583Codec codec = new Iso8583Codec();
    private final MessageAuthentication authentication = new MessageAuthentication(codec);

    @Test
    void matchesTheAnsiX919ReferenceExample() {
        // ANSI X9.19 / ISO 9797-1 algorithm 3 example: "Now is the time for all " under 0123456789ABCDEF FEDCBA9876543210
        byte[] data = "Now is the time for all ".getBytes(StandardCharsets.US_ASCII);

        assertThat(MessageAuthentication.macOf(data, KEY)).isEqualTo("A1C72E74EA3FA9B6");
    }

    @Test
    void agreesWithAnIndependentRetailMacBuiltFromTheJdksDes() throws Exception {
        byte[] data = codec.macInput(codec.decode(Iso8583CodecTest.ascii(Iso8583CodecTest.SALE)));

        assertThat(MessageAuthentication.macOf(data, KEY)).isEqualTo(retailMacWithJdkDes(data, KEY.bytes()));
    }

    @Test
    void aSignedMessageIsAuthenticAsReceived() throws Exception {
        byte[] wire = codec.encode(authentication.sign(saleMessage(), KEY));

        assertThat(authentication.isAuthentic(wire, codec.decode(wire), KEY)).isTrue();
    }

    @Test
    void aChangedAmountIsNotAuthentic() throws Exception {
        byte[] wire = codec.encode(authentication.sign(saleMessage(), KEY));
        String tampered = new String(wire, StandardCharsets.US_ASCII).replace("000000001250", "000000091250");
        byte[] tamperedWire = tampered.getBytes(StandardCharsets.US_ASCII);

        assertThat(authentication.isAuthentic(tamperedWire, codec.decode(tamperedWire), KEY)).isFalse();
    }

    @Test
    void anotherTerminalsKeyIsNotAuthentic() throws Exception {
        byte[] wire = codec.encode(authentication.sign(saleMessage(), KEY));

        assertThat(authentication.isAuthentic(wire, codec.decode(wire), MacKey.ofHex("00112233445566778899AABBCCDDEEFF"))).isFalse();
    }

    @Test
    void aMessageWithoutField64IsNotAuthentic() throws Exception {
        byte[] wire = codec.encode(saleMessage());

        assertThat(authentication.isAuthentic(wire, codec.decode(wire), KEY)).isFalse();
    }

    @Test
    void isComputedOverTheBytesTheTerminalSentNotOverARewrite() throws Exception {
        // a terminal that writes its bitmap in lower case signs those bytes; re-encoding would upper-case them
        String upper = new String(codec.encode(saleMessage().with(64, "0000000000000000")), StandardCharsets.US_ASCII);
        String lower = upper.replace("7238040000C08001", "7238040000c08001");
        byte[] input = codec.macInput(lower.getBytes(StandardCharsets.US_ASCII));
        String mac = MessageAuthentication.macOf(input, KEY);
        byte[] wire = (lower.substring(0, lower.length() - 16) + mac).getBytes(StandardCharsets.US_ASCII);

        assertThat(authentication.isAuthentic(wire, codec.decode(wire), KEY)).isTrue();
    }

    @Test
    void aKeyPrintsOnlyItsCheckValue() {
        assertThat(KEY.toString()).doesNotContain("0123456789").matches("MacKey\\[kcv=[0-9A-F]{6}]");
    }

    private Iso8583Message saleMessage() throws MalformedMessageException {
        return codec.decode(Iso8583CodecTest.ascii(Iso8583CodecTest.SALE));
    }

    /** ISO 9797-1 algorithm 3, padding 1, written independently: DES-CBC under K1, then decrypt with K2 and encrypt with K1. */
    private static String retailMacWithJdkDes(byte[] data, byte[] key) throws Exception {
        byte[] padded = Arrays.copyOf(data, (data.length + 7) / 8 * 8);
        SecretKeySpec k1 = new SecretKeySpec(Arrays.copyOfRange(key, 0, 8), "DES");
        SecretKeySpec k2 = new SecretKeySpec(Arrays.copyOfRange(key, 8, 16), "DES");
        Cipher cbc = Cipher.getInstance("DES/CBC/NoPadding");
        cbc.init(Cipher.ENCRYPT_MODE, k1, new IvParameterSpec(new byte[8]));
        byte[] chained = cbc.doFinal(padded);
        byte[] last = Arrays.copyOfRange(chained, chained.length - 8, chained.length);
        Cipher ecb = Cipher.getInstance("DES/ECB/NoPadding");
        ecb.init(Cipher.DECRYPT_MODE, k2);
        last = ecb.doFinal(last);
        ecb.init(Cipher.ENCRYPT_MODE, k1);
        return HexFormat.of().withUpperCase().formatHex(ecb.doFinal(last));
    }
}
