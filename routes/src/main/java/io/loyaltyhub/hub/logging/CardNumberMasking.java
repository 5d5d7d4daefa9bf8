package io.loyaltyhub.hub.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback converter ({@code %mask(...)}) that masks anything shaped like a card number — 12 to 25 digits,
 * optionally grouped by spaces or dashes — in every log line, whatever logged it, keeping the last four.
 */
public final class CardNumberMasking extends CompositeConverter<ILoggingEvent> {
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![0-9])(?:[0-9][ -]?){8,21}[0-9]{4}(?![0-9])");

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return mask(in);
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
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
