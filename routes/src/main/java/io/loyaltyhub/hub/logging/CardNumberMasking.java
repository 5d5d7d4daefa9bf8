package io.loyaltyhub.hub.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback converter ({@code %mask(...)}) that masks anything shaped like a card number — 12 to 25 digits,
 * optionally grouped by spaces or dashes — in every log line, whatever logged it, keeping the last four.
 * Magnetic-stripe track shapes go entirely: a Track 2 ({@code ;PAN=YYMM…?}, or {@code PAN D YYMM…} as in
 * ISO 8583 field 35) and a Track 1 ({@code %BPAN^NAME^YYMM…?}) lose the name, expiry and discretionary
 * data as well, leaving {@code ****1238=…}. The pattern wraps the whole line including the exception and
 * its stack trace ({@code %ex} inside {@code %mask}), so exception messages are masked too.
 */
public final class CardNumberMasking extends CompositeConverter<ILoggingEvent> {
    private static final Pattern TRACK_LIKE = Pattern.compile(
            "[%;]?[Bb]?(?<![0-9])([0-9]{8,19})(?:[=D][0-9=D]{2,40}\\??|\\^[^^\\r\\n]{0,26}\\^[^?\\s\"',}]{0,79}\\??)");
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![0-9])(?:[0-9][ -]?){8,21}[0-9]{4}(?![0-9])");

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return mask(in);
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return maskCards(maskTracks(text));
    }

    private static String maskTracks(String text) {
        Matcher m = TRACK_LIKE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String pan = m.group(1);
            m.appendReplacement(out, "****" + pan.substring(pan.length() - 4) + "=…");
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String maskCards(String text) {
        Matcher m = CARD_LIKE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String digits = m.group().replaceAll("[ -]", "");
            m.appendReplacement(out, "****" + digits.substring(digits.length() - 4));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
