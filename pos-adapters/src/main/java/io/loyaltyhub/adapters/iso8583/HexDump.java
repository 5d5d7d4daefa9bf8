package io.loyaltyhub.adapters.iso8583;

/** The classic 16-bytes-a-line dump (offset, hex, ASCII), used by the simulator's --dump and by docs/iso8583.md. */
public final class HexDump {

    private HexDump() {
    }

    public static String of(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < bytes.length; line += 16) {
            out.append(String.format("%04x  ", line));
            StringBuilder ascii = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < bytes.length) {
                    out.append(String.format("%02x ", bytes[i] & 0xFF));
                    char c = (char) (bytes[i] & 0xFF);
                    ascii.append(c >= 0x20 && c < 0x7f ? c : '.');
                } else {
                    out.append("   ");
                }
                if (i == line + 7) {
                    out.append(' ');
                }
            }
            out.append(' ').append(ascii).append('\n');
        }
        return out.toString();
    }
}
