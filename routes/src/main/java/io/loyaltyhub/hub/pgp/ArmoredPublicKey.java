package io.loyaltyhub.hub.pgp;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An ASCII-armored OpenPGP public key (RFC 4880 §6), checked before it is stored: armor lines, CRC-24 checksum,
 * and a version 4 public-key packet first, whose fingerprint (SHA-1 over the packet, §12.2) is computed so that
 * operator and merchant can compare it with {@code gpg --fingerprint}. Encrypting to the key is the job of
 * {@link OpenPgpEncryption}; this class only vets what is registered.
 */
public record ArmoredPublicKey(String armored, String fingerprint) {
    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final int PUBLIC_KEY_TAG = 6;
    private static final int MAX_ARMORED_CHARS = 60_000;

    public static ArmoredPublicKey parse(String text) {
        if (text == null || text.length() > MAX_ARMORED_CHARS) {
            throw invalid("missing or larger than " + MAX_ARMORED_CHARS + " characters");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw invalid("no '" + BEGIN + "' … '" + END + "' block");
        }
        String[] lines = text.substring(begin + BEGIN.length(), end).strip().split("\\r?\\n");
        int i = 0;
        while (i < lines.length && !lines[i].isBlank()) {
            if (!lines[i].contains(": ")) {
                break; // no armor headers: the body starts at once
            }
            i++;
        }
        StringBuilder body = new StringBuilder();
        String checksum = null;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("=") && line.length() == 5) {
                checksum = line.substring(1);
            } else if (!line.isEmpty()) {
                body.append(line);
            }
        }
        byte[] packets;
        try {
            packets = Base64.getDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            throw invalid("the armored body is not base64");
        }
        if (checksum != null && !checksum.equals(crc24(packets))) {
            throw invalid("the armor checksum does not match: the key was altered or cut");
        }
        return new ArmoredPublicKey(text.substring(begin, end + END.length()) + "\n", fingerprint(packets));
    }

    private static String fingerprint(byte[] packets) {
        if (packets.length < 2 || (packets[0] & 0x80) == 0) {
            throw invalid("not an OpenPGP packet");
        }
        int header = packets[0] & 0xFF;
        int tag;
        int length;
        int offset;
        if ((header & 0x40) != 0) { // new format
            tag = header & 0x3F;
            int first = packets[1] & 0xFF;
            if (first < 192) {
                length = first;
                offset = 2;
            } else if (first < 224) {
                length = ((first - 192) << 8) + (packets[2] & 0xFF) + 192;
                offset = 3;
            } else if (first == 255) {
                length = ((packets[2] & 0xFF) << 24) | ((packets[3] & 0xFF) << 16) | ((packets[4] & 0xFF) << 8) | (packets[5] & 0xFF);
                offset = 6;
            } else {
                throw invalid("a public key packet cannot have a partial length");
            }
        } else { // old format
            tag = (header >> 2) & 0x0F;
            switch (header & 0x03) {
                case 0 -> {
                    length = packets[1] & 0xFF;
                    offset = 2;
                }
                case 1 -> {
                    length = ((packets[1] & 0xFF) << 8) | (packets[2] & 0xFF);
                    offset = 3;
                }
                case 2 -> {
                    length = ((packets[1] & 0xFF) << 24) | ((packets[2] & 0xFF) << 16) | ((packets[3] & 0xFF) << 8) | (packets[4] & 0xFF);
                    offset = 5;
                }
                default -> throw invalid("indeterminate packet length");
            }
        }
        if (tag != PUBLIC_KEY_TAG) {
            throw invalid("the block does not start with a public key (packet tag " + tag + ")");
        }
        if (length < 6 || offset + length > packets.length) {
            throw invalid("the public key packet is cut short");
        }
        if (packets[offset] != 4) {
            throw invalid("only version 4 keys are accepted (this one is version " + packets[offset] + ")");
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1"); // the v4 fingerprint algorithm, RFC 4880 §12.2
            sha1.update((byte) 0x99);
            sha1.update((byte) (length >> 8));
            sha1.update((byte) length);
            sha1.update(packets, offset, length);
            return HexFormat.of().withUpperCase().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4880 §6.1. */
    static String crc24(byte[] data) {
        int crc = 0xB704CE;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 16;
            for (int i = 0; i < 8; i++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= 0x1864CFB;
                }
            }
        }
        crc &= 0xFFFFFF;
        ByteArrayOutputStream out = new ByteArrayOutputStream(3);
        out.write(crc >> 16);
        out.write(crc >> 8);
        out.write(crc);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("not an OpenPGP public key: " + why);
    }
}
