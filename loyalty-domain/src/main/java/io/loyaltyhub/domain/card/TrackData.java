package io.loyaltyhub.domain.card;

/**
 * Magnetic-stripe track data (ISO/IEC 7813), reduced to the one thing the hub may use: the card number.
 * Everything else on a track (name, expiry, service code, discretionary data) is sensitive and is dropped
 * here, before anything is stored, queued or logged. Accepted shapes:
 * <ul>
 * <li>Track 1: {@code %B<PAN>^<NAME>^<YYMM><service code><discretionary>?} (sentinels optional, LRC after {@code ?} ignored);</li>
 * <li>Track 2: {@code ;<PAN>=<YYMM><service code><discretionary>?}, and ISO 8583 field 35, which carries it
 * without sentinels and may use {@code D} as the separator.</li>
 * </ul>
 * The card number is checked (programme, check digit) by the {@link CardReader} afterwards. Errors carry a
 * code and never any part of the track.
 */
public final class TrackData {
    private static final int MAX_TRACK1 = 79;
    private static final int MAX_TRACK2 = 40;
    private static final int MAX_PAN = 19;

    private TrackData() {
    }

    /** The card number of a Track 2 (or ISO 8583 field 35) string. */
    public static String panOfTrack2(CharSequence track) {
        if (track == null || track.length() == 0 || track.length() > MAX_TRACK2 + 3) {
            throw invalid();
        }
        int start = track.charAt(0) == ';' ? 1 : 0;
        int end = track.length();
        int endSentinel = indexOf(track, '?', start);
        if (endSentinel >= 0) {
            end = endSentinel; // an LRC character may follow the end sentinel
            if (track.length() - endSentinel > 2) {
                throw invalid();
            }
        }
        int separator = -1;
        for (int i = start; i < end; i++) {
            char c = track.charAt(i);
            if (c == '=' || c == 'D' || c == 'd') {
                separator = i;
                break;
            }
            if (c < '0' || c > '9') {
                throw invalid();
            }
        }
        if (separator < 0) {
            throw invalid();
        }
        for (int i = separator + 1; i < end; i++) {
            char c = track.charAt(i);
            if ((c < '0' || c > '9') && c != '=' && c != 'D' && c != 'd') {
                throw invalid();
            }
        }
        return pan(track, start, separator);
    }

    /** The card number of a Track 1 string (format code B). */
    public static String panOfTrack1(CharSequence track) {
        if (track == null || track.length() < 3 || track.length() > MAX_TRACK1 + 3) {
            throw invalid();
        }
        int start = track.charAt(0) == '%' ? 1 : 0;
        if (track.charAt(start) != 'B' && track.charAt(start) != 'b') {
            throw invalid();
        }
        start++;
        int separator = indexOf(track, '^', start);
        if (separator < 0 || indexOf(track, '^', separator + 1) < 0) {
            throw invalid();
        }
        for (int i = start; i < separator; i++) {
            char c = track.charAt(i);
            if ((c < '0' || c > '9') && c != ' ') {
                throw invalid();
            }
        }
        StringBuilder digits = new StringBuilder(MAX_PAN);
        for (int i = start; i < separator; i++) {
            if (track.charAt(i) != ' ') {
                digits.append(track.charAt(i));
            }
        }
        return pan(digits, 0, digits.length());
    }

    /** Either track, told apart by its shape (Track 1 starts with {@code %B} or {@code B}). */
    public static String panOfTrack(CharSequence track) {
        if (track != null && track.length() > 0) {
            char first = track.charAt(0);
            if (first == '%' || first == 'B' || first == 'b') {
                return panOfTrack1(track);
            }
        }
        return panOfTrack2(track);
    }

    private static String pan(CharSequence track, int from, int to) {
        int length = to - from;
        if (length < 8 || length > MAX_PAN) {
            throw invalid();
        }
        return track.subSequence(from, to).toString();
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidCardNumberException invalid() {
        return new InvalidCardNumberException(InvalidCardNumberException.Reason.TRACK_FORMAT);
    }
}
