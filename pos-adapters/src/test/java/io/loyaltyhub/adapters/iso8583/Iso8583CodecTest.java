package io.loyaltyhub.adapters.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Iso8583CodecTest {

    static final String PAN = "6280001234567895";

    /** A sale as the common ASCII 1987 packager lays it out; written out by hand, field by field. */
    static final String SALE = "0200"
            + "7238040000C08000"          // bitmap: 2 3 4 7 11 12 13 22 41 42 49
            + "16" + PAN                   // 2  LLNUM
            + "000000"                     // 3  n6
            + "000000001250"               // 4  n12
            + "0612143055"                 // 7  n10
            + "000123"                     // 11 n6
            + "163055"                     // 12 n6
            + "0612"                       // 13 n4
            + "010"                        // 22 n3
            + "TERM0001"                   // 41 ans8
            + "MERCHANT0000001"            // 42 ans15
            + "978";                       // 49 an3

    private final Iso8583Codec codec = new Iso8583Codec();

    @Test
    void readsEveryFieldOfASaleFromItsBytes() throws Exception {
        Iso8583Message sale = codec.decode(ascii(SALE));

        assertThat(sale.mti()).isEqualTo("0200");
        assertThat(sale.fields()).as("22 (entry mode) is not used by the hub, so not kept")
                .containsOnlyKeys(2, 3, 4, 7, 11, 12, 13, 41, 42, 49);
        assertThat(sale.field(2)).contains(PAN);
        assertThat(sale.field(4)).contains("000000001250");
        assertThat(sale.field(41)).contains("TERM0001");
        assertThat(sale.field(42)).contains("MERCHANT0000001");
        assertThat(sale.field(49)).contains("978");
    }

    @Test
    void writesTheSameBytesItReads() throws Exception {
        String withoutEntryMode = SALE.replace("7238040000C08000", "7238000000C08000").replace("0612" + "010", "0612");
        assertThat(new String(codec.encode(codec.decode(ascii(withoutEntryMode))), StandardCharsets.US_ASCII))
                .isEqualTo(withoutEntryMode);
    }

    @Test
    void padsShortFixedFieldsTheWayThePackagerDoes() {
        Iso8583Message message = Iso8583Message.of("0200").with(4, "1250").with(41, "T1");

        assertThat(new String(codec.encode(message), StandardCharsets.US_ASCII))
                .isEqualTo("0200" + "1000000000800000" + "000000001250" + "T1      ");
    }

    @Test
    void usesASecondaryBitmapForFieldsAbove64() throws Exception {
        Iso8583Message echo = Iso8583Message.of("0800").with(7, "0612143055").with(11, "000001").with(70, "301");

        String wire = new String(codec.encode(echo), StandardCharsets.US_ASCII);

        assertThat(wire).isEqualTo("0800" + "8220000000000000" + "0400000000000000" + "0612143055" + "000001" + "301");
        assertThat(codec.decode(ascii(wire))).isEqualTo(echo);
    }

    @Test
    void acceptsLowerCaseHexInTheBitmap() throws Exception {
        assertThat(codec.decode(ascii(SALE.replace("7238040000C08000", "7238040000c08000"))).field(42))
                .contains("MERCHANT0000001");
    }

    @Test
    void readsTrack2WithItsSeparatorAndPrivateFields() throws Exception {
        Iso8583Message message = Iso8583Message.of("0200").with(35, PAN + "=2912101").with(63, "RP003500");

        assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
        assertThat(new String(codec.encode(message), StandardCharsets.US_ASCII))
                .endsWith("24" + PAN + "=2912101" + "008RP003500");
    }

    @Test
    void aBitmapThatIsNotHexIsMalformedButKeepsItsMti() {
        MalformedMessageException e = malformed(SALE.replace("7238040000C08000", "7238040000G08000"));

        assertThat(e.getMessage()).contains("primary bitmap");
        assertThat(e.readablePart()).hasValueSatisfying(m -> assertThat(m.mti()).isEqualTo("0200"));
    }

    @Test
    void lettersInANumericFieldMakeItMalformedAndTheFaultNamesTheFieldNotItsContent() {
        MalformedMessageException e = malformed(SALE.replace("000000001250", "0000000012AB"));

        assertThat(e.getMessage()).isEqualTo("field 4 holds characters its type does not allow");
        assertThat(e.getMessage()).doesNotContain(PAN);
    }

    @Test
    void identifyingFieldsReadBeforeTheFaultAreKeptSoTheAnswerCanBeMatched() {
        // field 49 cut short: everything before it was readable
        MalformedMessageException e = malformed(SALE.substring(0, SALE.length() - 1));

        Iso8583Message readable = e.readablePart().orElseThrow();
        assertThat(readable.field(11)).contains("000123");
        assertThat(readable.field(41)).contains("TERM0001");
        assertThat(readable.has(2)).as("card number is not kept").isFalse();
    }

    @Test
    void aVariableLengthAboveTheFieldMaximumIsMalformed() {
        String tooLongPan = "0200" + "4000000000000000" + "20" + "12345678901234567890";

        assertThat(malformed(tooLongPan).getMessage()).isEqualTo("field 2 is longer than 19");
    }

    @Test
    void bytesAfterTheLastFieldAreMalformed() {
        assertThat(malformed(SALE + "X").getMessage()).isEqualTo("1 bytes follow the last field");
    }

    @Test
    void aFieldTheHubDoesNotUseIsSteppedOverAndLeftOut() throws Exception {
        String withField5 = "0200" + "0800000000000000" + "000000001250";

        assertThat(codec.decode(ascii(withField5))).isEqualTo(Iso8583Message.of("0200"));
    }

    @Test
    void anUnreadableMtiLeavesNothingToAnswer() {
        assertThat(malformed("02X0" + SALE.substring(4)).readablePart()).isEmpty();
        assertThat(malformed("02").readablePart()).isEmpty();
    }

    @Test
    void bytesOutsideAsciiAreMalformedNotSilentlyReplaced() {
        byte[] bytes = ascii(SALE);
        bytes[SALE.indexOf("TERM0001")] = (byte) 0xC3;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("field 41 is not ASCII");
    }

    @Test
    void refusesToWriteAValueItsFieldCannotHold() {
        assertThatThrownBy(() -> codec.encode(Iso8583Message.of("0200").with(3, "00000A")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encode(Iso8583Message.of("0200").with(3, "0000000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMacInputIsTheMessageWithBit64SetButWithoutField64() throws Exception {
        Iso8583Message signed = codec.decode(ascii(SALE)).with(22, "010").with(64, "0123456789ABCDEF");
        byte[] wire = codec.encode(signed);
        String text = new String(wire, StandardCharsets.US_ASCII);

        assertThat(text).startsWith("0200" + "7238040000C08001").endsWith("978" + "0123456789ABCDEF");
        assertThat(new String(codec.macInput(wire), StandardCharsets.US_ASCII)).isEqualTo(text.substring(0, text.length() - 16));
        assertThat(codec.macInput(signed)).isEqualTo(codec.macInput(wire));
    }

    private MalformedMessageException malformed(String wire) {
        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class, () -> codec.decode(ascii(wire)));
        assertThat(e).as("expected a malformed message").isNotNull();
        return e;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
