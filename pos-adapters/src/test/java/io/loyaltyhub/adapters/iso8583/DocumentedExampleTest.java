package io.loyaltyhub.adapters.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The hex dumps in docs/iso8583.md are real messages of this dialect: if the codec or the docs drift apart, this fails. */
class DocumentedExampleTest {

    private final Iso8583Codec codec = new Iso8583Codec();

    @Test
    void theDocumentedSaleIsASaleOfThisDialect() throws Exception {
        byte[] request = dump("iso8583-example-request");
        Iso8583Message sale = codec.decode(request);

        assertThat(sale.mti()).isEqualTo("0200");
        assertThat(sale.field(3)).contains(ProcessingCode.SALE);
        assertThat(sale.field(4)).contains("000000012345");
        assertThat(sale.field(11)).contains("000042");
        assertThat(sale.field(41)).contains("T1      ");
        assertThat(sale.field(42)).contains("books          ");
        assertThat(sale.has(Iso8583Dialect.POS_ENTRY_MODE)).as("field 22 is stepped over, not kept").isFalse();
        assertThat(codec.encode(sale.with(Iso8583Dialect.POS_ENTRY_MODE, "010"))).isEqualTo(request);
        assertThat(Framing.BINARY_2.header(request.length)).containsExactly(0x00, 0x6f);
    }

    @Test
    void theDocumentedAnswerIsTheAnswerTheHubBuildsForIt() throws Exception {
        Iso8583Message sale = codec.decode(dump("iso8583-example-request"));
        byte[] documented = dump("iso8583-example-response");

        Iso8583Message answer = codec.decode(documented);

        assertThat(answer.field(39)).contains("00");
        assertThat(LoyaltyData.parse(answer.field(63).orElseThrow()).number(LoyaltyData.POINTS_BALANCE)).hasValue(123);
        assertThat(codec.encode(new ResponseBuilder().refusal(sale, "00").with(63, answer.field(63).orElseThrow())))
                .isEqualTo(documented);
        assertThat(Framing.BINARY_2.header(documented.length)).containsExactly(0x00, 0x76);
    }

    /** The bytes of the fenced hex dump that follows {@code <!-- marker -->} in docs/iso8583.md. */
    private static byte[] dump(String marker) throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "iso8583.md"));
        int start = doc.indexOf("```", doc.indexOf("<!-- " + marker + " -->")) + 3;
        int end = doc.indexOf("```", start);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : doc.substring(start, end).split("\n")) {
            if (line.length() < 6) {
                continue;
            }
            // offset (4) + 2 spaces, then up to 16 "xx " groups with an extra space after the eighth
            String hex = line.substring(6, Math.min(line.length(), 6 + 16 * 3 + 1)).replace(" ", "");
            bytes.writeBytes(HexFormat.of().parseHex(hex));
        }
        return bytes.toByteArray();
    }
}
