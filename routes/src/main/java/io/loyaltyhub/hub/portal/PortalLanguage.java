package io.loyaltyhub.hub.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The portal's languages: English and Simplified Chinese. The browser's Accept-Language chooses, unless the person
 * switched (the {@code lang} parameter, remembered in a cookie).
 */
enum PortalLanguage {
    EN("en"), ZH_CN("zh-CN");

    final String tag;

    PortalLanguage(String tag) {
        this.tag = tag;
    }

    static Optional<PortalLanguage> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (PortalLanguage l : values()) {
            if (l.tag.equalsIgnoreCase(tag)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The language asked for by {@code ?lang=}, else the cookie's, else the best of Accept-Language, else English. */
    static PortalLanguage of(Message in, Map<String, String> query) {
        return ofTag(query.get("lang"))
                .or(() -> Cookies.read(in, Cookies.LANGUAGE).flatMap(PortalLanguage::ofTag))
                .orElseGet(() -> fromAcceptLanguage(in.getHeader("Accept-Language", String.class)));
    }

    /** Whether this request switched the language (so the answer sets the cookie). */
    static boolean switchedBy(Map<String, String> query) {
        return ofTag(query.get("lang")).isPresent();
    }

    static PortalLanguage fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        record Choice(String range, double q, int order) {
        }
        List<Choice> choices = new ArrayList<>();
        String[] parts = header.split(",");
        for (int i = 0; i < parts.length && i < 20; i++) {
            String[] p = parts[i].trim().split(";");
            double q = 1.0;
            for (int j = 1; j < p.length; j++) {
                String param = p[j].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            choices.add(new Choice(p[0].trim().toLowerCase(Locale.ROOT), q, i));
        }
        choices.sort(Comparator.comparingDouble(Choice::q).reversed().thenComparingInt(Choice::order));
        for (Choice c : choices) {
            if (c.q() <= 0) {
                continue;
            }
            // Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not offered; such a reader gets English rather than
            // Simplified script they may not read.
            if (c.range().equals("zh") || c.range().startsWith("zh-cn") || c.range().startsWith("zh-sg")
                    || c.range().startsWith("zh-hans")) {
                return ZH_CN;
            }
            if (c.range().equals("en") || c.range().startsWith("en-") || c.range().equals("*")) {
                return EN;
            }
        }
        return EN;
    }

    static Map<String, String> query(Message in) {
        return Forms.parse(in.getHeader(Exchange.HTTP_RAW_QUERY, String.class));
    }
}
