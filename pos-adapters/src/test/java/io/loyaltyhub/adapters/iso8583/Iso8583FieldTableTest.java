package io.loyaltyhub.adapters.iso8583;

import static io.loyaltyhub.adapters.iso8583.Iso8583CodecTest.PAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyaltyhub.adapters.iso8583.TransactionRequestReader.Reading;
import io.loyaltyhub.adapters.iso8583.TransactionRequestReader.Understood;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Terminals add fields of the 1987 table the hub has no use for (expiry date, PIN block, EMV data, ...).
 * Each field is laid out here as the ASCII 1987 layout has it, written into a sale by hand (not by the
 * codec under test), and the sale must read as the same sale.
 */
class Iso8583FieldTableTest {

    /** The 1987 table in the ASCII layout: "n 12" fixed digits, "an 3" fixed text, "b 16" binary as hex, LL / LLL variable. */
    private static final Map<Integer, String> LAYOUT_1987 = layout("""
            2 LL|3 n 6|4 n 12|5 n 12|6 n 12|7 n 10|8 n 8|9 n 8|10 n 8|11 n 6|12 n 6|13 n 4|14 n 4|15 n 4|16 n 4|17 n 4|
            18 n 4|19 n 3|20 n 3|21 n 3|22 n 3|23 n 3|24 n 3|25 n 2|26 n 2|27 n 1|28 x 9|29 x 9|30 x 9|31 x 9|32 LL|
            33 LL|34 LL|35 LL|36 LLL|37 an 12|38 an 6|39 an 2|40 an 3|41 an 8|42 an 15|43 an 40|44 LL|45 LL|46 LLL|
            47 LLL|48 LLL|49 an 3|50 an 3|51 an 3|52 b 16|53 n 16|54 LLL|55 LLL|56 LLL|57 LLL|58 LLL|59 LLL|60 LLL|
            61 LLL|62 LLL|63 LLL|64 b 16|65 b 2|66 n 1|67 n 2|68 n 3|69 n 3|70 n 3|71 n 4|72 n 4|73 n 6|74 n 10|75 n 10|
            76 n 10|77 n 10|78 n 10|79 n 10|80 n 10|81 n 10|82 n 12|83 n 12|84 n 12|85 n 12|86 n 16|87 n 16|88 n 16|
            89 n 16|90 n 42|91 an 1|92 an 2|93 an 5|94 an 7|95 an 42|96 b 16|97 x 17|98 an 25|99 LL|100 LL|101 LL|
            102 LL|103 LL|104 LLL|105 LLL|106 LLL|107 LLL|108 LLL|109 LLL|110 LLL|111 LLL|112 LLL|113 LLL|114 LLL|
            115 LLL|116 LLL|117 LLL|118 LLL|119 LLL|120 LLL|121 LLL|122 LLL|123 LLL|124 LLL|125 LLL|126 LLL|127 LLL|
            128 b 16""");

    /** The sale every case starts from: fields 2 3 4 7 11 41 42 49. */
    private static final Map<Integer, String> SALE = new TreeMap<>(Map.of(
            2, "16" + PAN, 3, "000000", 4, "000000001250", 7, "0612143055", 11, "000123",
            41, "TERM0001", 42, "MERCHANT0000001", 49, "978"));

    private static final TerminalIdentity TERMINAL = new TerminalIdentity(new MerchantId(7), "MERCHANT0000001",
            new StoreId(70), "STORE1", new TerminalId(700), "TERM0001");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-12T14:31:00Z"), ZoneOffset.UTC);

    private final Iso8583Codec codec = new Iso8583Codec();
    private final TransactionRequestReader reader = new TransactionRequestReader(new LuhnCardReader(), CLOCK);

    static Stream<Integer> fieldsTheSaleDoesNotCarry() {
        // 64 (MAC) and the hub's own fields are covered elsewhere; the rest are the ones terminals add.
        return IntStream.rangeClosed(5, 128).boxed()
                .filter(n -> !SALE.containsKey(n) && n != 63 && n != 64 && n != 70 && n != 90);
    }

    @Test
    void theTableCoversEveryFieldFrom2To128() {
        assertThat(LAYOUT_1987).hasSize(127);
        assertThat(Iso8583Dialect.fields()).containsOnlyKeys(LAYOUT_1987.keySet());
    }

    @ParameterizedTest(name = "field {0}")
    @MethodSource("fieldsTheSaleDoesNotCarry")
    void aSaleCarryingAnyOtherFieldOfThe1987LayoutIsReadAsTheSameSale(int field) throws Exception {
        Map<Integer, String> withField = new TreeMap<>(SALE);
        withField.put(field, sampleOnTheWire(field));

        Iso8583Message read = codec.decode(wire("0200", withField));

        assertThat(read.without(field)).isEqualTo(codec.decode(wire("0200", SALE)));
        assertThat(transaction(read)).isEqualTo(transaction(codec.decode(wire("0200", SALE))));
    }

    @Test
    void aChipSaleWithPinBlockEmvDataAndAdditionalResponseDataIsASale() throws Exception {
        Map<Integer, String> chip = new TreeMap<>(SALE);
        chip.put(14, "2912");
        chip.put(22, "051");
        chip.put(23, "001");
        chip.put(25, "00");
        chip.put(44, "05" + "A5 OK");
        chip.put(52, "0123456789ABCDEF");
        String emv = emvData();
        chip.put(55, String.format("%03d", emv.length()) + emv);

        Iso8583Message read = codec.decode(wire("0200", chip));

        assertThat(read.fields()).containsOnlyKeys(SALE.keySet());
        assertThat(transaction(read).amount().minorUnits()).isEqualTo(1250);
    }

    @Test
    void emvDataSentAsRawBytesIsSteppedOverByItsLength() throws Exception {
        Map<Integer, String> chip = new TreeMap<>(SALE);
        String raw = new String(HexFormat.of().parseHex(emvData()), StandardCharsets.ISO_8859_1);
        chip.put(55, String.format("%03d", raw.length()) + raw);

        Iso8583Message read = codec.decode(wire("0200", chip));

        assertThat(read.fields()).containsOnlyKeys(SALE.keySet());
    }

    @Test
    void emvDataThatHoldsTheCardNumberIsNeitherKeptNorLogged() throws Exception {
        Map<Integer, String> chip = new TreeMap<>(SALE);
        String emv = emvData();
        chip.put(55, String.format("%03d", emv.length()) + emv);

        Iso8583Message read = codec.decode(wire("0200", chip));

        assertThat(read.toString()).doesNotContain(PAN).doesNotContain("9F02");
        assertThat(Iso8583Message.of("0200").with(55, emv).toString()).doesNotContain(PAN).contains("55=<" + emv.length() + " chars>");
    }

    @Test
    void aSkippedFieldCutShortIsStillAFormatError() {
        Map<Integer, String> chip = new TreeMap<>(SALE);
        chip.put(55, "200" + emvData());

        assertThat(catchThrowableOfType(MalformedMessageException.class, () -> codec.decode(wire("0200", chip))))
                .hasMessage("field 55 is cut short");
    }

    /** EMV TLVs as a chip terminal puts them in field 55, as hex: amount (9F02), PAN (5A), cryptogram (9F26). */
    private static String emvData() {
        return "9F0206000000001250" + "5A08" + PAN + "9F2608A1B2C3D4E5F60718";
    }

    private PosTransaction transaction(Iso8583Message request) {
        Reading reading = reader.read(request, MessageKind.FINANCIAL_REQUEST, TERMINAL);
        assertThat(reading).isInstanceOf(Understood.class);
        return ((Understood) reading).transaction();
    }

    /** A value for the field as its layout lays it out, length prefix included. */
    private static String sampleOnTheWire(int field) {
        if (field == Iso8583Dialect.TRACK2) {
            return "21" + PAN + "=2912";
        }
        String[] layout = LAYOUT_1987.get(field).split(" ");
        return switch (layout[0]) {
            case "LL" -> "07" + "ABC 123";
            case "LLL" -> "011" + "ABC 123 xyz";
            case "n" -> "7".repeat(Integer.parseInt(layout[1]));
            case "b" -> "F0".repeat(Integer.parseInt(layout[1]) / 2);
            case "x" -> "C" + "1".repeat(Integer.parseInt(layout[1]) - 1);
            default -> "Q".repeat(Integer.parseInt(layout[1]));
        };
    }

    /** MTI, hex bitmaps and the fields' wire forms in field order: written here, independently of the codec. */
    private static byte[] wire(String mti, Map<Integer, String> fieldsOnTheWire) {
        long primary = 0;
        long secondary = 0;
        for (int n : fieldsOnTheWire.keySet()) {
            if (n <= 64) {
                primary |= 1L << (64 - n);
            } else {
                secondary |= 1L << (128 - n);
            }
        }
        if (secondary != 0) {
            primary |= 1L << 63;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mti.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(String.format("%016X", primary).getBytes(StandardCharsets.US_ASCII));
        if (secondary != 0) {
            out.writeBytes(String.format("%016X", secondary).getBytes(StandardCharsets.US_ASCII));
        }
        fieldsOnTheWire.values().forEach(v -> out.writeBytes(v.getBytes(StandardCharsets.ISO_8859_1)));
        return out.toByteArray();
    }

    private static Map<Integer, String> layout(String table) {
        Map<Integer, String> layout = new TreeMap<>();
        for (String entry : table.replace("\n", "").split("\\|")) {
            String[] parts = entry.trim().split(" ", 2);
            layout.put(Integer.parseInt(parts[0]), parts[1]);
        }
        return layout;
    }
}
