package io.loyaltyhub.hub.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's HTML pages: templates in {@code portal/*.html} with {@code {{t:key}}} for a message in the page's
 * language ({@code portal/messages_<lang>.properties}) and {@code {{name}}} for a value. Everything put in is
 * HTML-escaped, but for {@code {{html:name}}}, whose value the page's own code built from escaped parts; the templates hold no script, only {@code <script src>} of the hub's own files.
 */
final class PortalPages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(t:|html:)?([a-zA-Z0-9_.-]+)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<PortalLanguage, Map<String, String>> messages = new EnumMap<>(PortalLanguage.class);
    private final Map<String, String> templates = new TreeMap<>();

    PortalPages() {
        for (PortalLanguage l : PortalLanguage.values()) {
            messages.put(l, load("portal/messages_" + l.tag.replace('-', '_') + ".properties"));
        }
    }

    Map<String, String> messages(PortalLanguage language) {
        return messages.get(language);
    }

    String render(String template, PortalLanguage language, Map<String, String> values) {
        String text = templates.computeIfAbsent(template, PortalPages::read);
        Map<String, String> words = messages.get(language);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 1024);
        while (m.find()) {
            String key = m.group(2);
            String value;
            boolean html = "html:".equals(m.group(1));
            if ("t:".equals(m.group(1))) {
                value = words.get(key);
            } else if (key.equals("lang")) {
                value = language.tag;
            } else if (key.equals("messages")) {
                value = scriptMessages(words);
            } else {
                value = values.get(key);
            }
            if (value == null) {
                throw new IllegalStateException("portal template " + template + " has no value for " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(html ? value : escape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The messages the page's script needs (keys starting with {@code js.}), as JSON for a data attribute. */
    private static String scriptMessages(Map<String, String> words) {
        Map<String, String> js = new TreeMap<>();
        words.forEach((k, v) -> {
            if (k.startsWith("js.")) {
                js.put(k.substring(3), v);
            }
        });
        try {
            return JSON.writeValueAsString(js);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, String> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = PortalPages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        p.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }

    private static String read(String template) {
        try (InputStream in = PortalPages.class.getClassLoader().getResourceAsStream("portal/" + template)) {
            if (in == null) {
                throw new IllegalStateException("missing portal template " + template);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
