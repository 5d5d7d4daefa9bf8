package io.loyaltyhub.hub.broker.terminals;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One terminal's place on the broker: it publishes to {@code pos.in.<merchant>.<terminal>} and reads its answers
 * from {@code pos.out.<merchant>.<terminal>} (MQTT: {@code pos/in/<merchant>/<terminal>}). Its broker login is
 * known to the broker as {@code <merchant>.<terminal>}, so "who sent this" and "whose address is this" compare
 * as plain strings. Merchant and terminal codes are {@code [A-Za-z0-9_-]}, so neither can hold a dot or a wildcard.
 */
public record TerminalAddress(String merchantCode, String terminalCode) {
    public static final String INGRESS_PREFIX = "pos.in.";
    public static final String REPLY_PREFIX = "pos.out.";
    /** Every ingress address: the hub's edge listens here through one wildcard subscription. */
    public static final String ALL_INGRESS = "pos.in.#";
    public static final String ALL_REPLIES = "pos.out.#";

    private static final String CODE = "[A-Za-z0-9_-]{1,32}";
    private static final Pattern USER = Pattern.compile("(" + CODE + ")\\.(" + CODE + ")");

    public TerminalAddress {
        if (merchantCode == null || !merchantCode.matches(CODE) || terminalCode == null || !terminalCode.matches(CODE)) {
            throw new IllegalArgumentException("merchant and terminal codes are 1-32 of A-Z a-z 0-9 _ -");
        }
    }

    public String ingress() {
        return INGRESS_PREFIX + brokerUser();
    }

    public String replies() {
        return REPLY_PREFIX + brokerUser();
    }

    /** The name the broker gives this terminal's login (and stamps on its messages as the validated user). */
    public String brokerUser() {
        return merchantCode + "." + terminalCode;
    }

    public static Optional<TerminalAddress> ofIngress(String address) {
        return address != null && address.startsWith(INGRESS_PREFIX)
                ? ofBrokerUser(address.substring(INGRESS_PREFIX.length())) : Optional.empty();
    }

    public static Optional<TerminalAddress> ofBrokerUser(String user) {
        if (user == null) {
            return Optional.empty();
        }
        Matcher m = USER.matcher(user);
        return m.matches() ? Optional.of(new TerminalAddress(m.group(1), m.group(2))) : Optional.empty();
    }
}
