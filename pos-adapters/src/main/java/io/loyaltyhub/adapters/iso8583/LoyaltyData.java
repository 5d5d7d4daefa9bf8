package io.loyaltyhub.adapters.iso8583;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Field 63 (private use) as the hub uses it: a run of tagged elements, each a 2-letter tag, a 3-digit
 * length and the value. In requests: {@code RP} points to redeem, or {@code RW} the code of a catalogue reward to
 * redeem (docs/rewards.md; a redemption carries one of the two), or {@code PY} points offered to pay part of the sale of
 * fields 4 and 49. In responses: {@code PE} the signed
 * change in points ("+150", "-40"), {@code PB} the balance after it, {@code ST} "C" when the engine
 * answered or "P" when the transaction is stored and will be credited later (no PE/PB then), and with a balance
 * inquiry's answer, when points expire, {@code XP} the points that expire next and {@code XD} their day (YYYYMMDD); with
 * an approved payment with points, {@code PM} the money they paid (minor units of field 49's currency); with an approved
 * sale that earned by more than the base rate, {@code ER} the earn rules applied, comma-separated.
 * Example: {@code PE004+150PB0041234ST001C}.
 */
public record LoyaltyData(Map<String, String> elements) {

    public static final String REDEEM_POINTS = "RP";
    /** The code of a catalogue reward to redeem (docs/rewards.md), instead of RP. */
    public static final String REWARD_CODE = "RW";
    /** Points offered to pay part of the sale named by fields 4 and 49 (docs/rewards.md), instead of RP or RW. */
    public static final String PAY_WITH_POINTS = "PY";
    /** In the answer to a payment with points: the money (minor units) the points paid. */
    public static final String PAID_MONEY = "PM";
    /** In the answer to a sale: the earn rules that produced its points, comma-separated, when more than the base rate. */
    public static final String EARN_RULES = "ER";
    /** At most this many characters of rules, so field 63 (at most 999) always fits; whole rules only. */
    static final int MAX_RULES_LENGTH = 300;
    public static final String POINTS_CHANGE = "PE";
    public static final String POINTS_BALANCE = "PB";
    /** Points that expire next (with a balance inquiry's answer, when the programme's points expire). */
    public static final String EXPIRING_POINTS = "XP";
    /** The day they expire, YYYYMMDD (UTC). */
    public static final String EXPIRES_ON = "XD";
    public static final String STATUS = "ST";
    public static final String STATUS_COMPLETED = "C";
    public static final String STATUS_PENDING = "P";

    public LoyaltyData {
        elements = Map.copyOf(elements);
    }

    public static LoyaltyData completed(long pointsChange, long balance, boolean balanceKnown) {
        Map<String, String> elements = new LinkedHashMap<>();
        elements.put(POINTS_CHANGE, (pointsChange >= 0 ? "+" : "") + pointsChange);
        if (balanceKnown) {
            elements.put(POINTS_BALANCE, Long.toString(balance));
        }
        elements.put(STATUS, STATUS_COMPLETED);
        return new LoyaltyData(elements);
    }

    /** As {@link #completed(long, long, boolean)}, with the points that expire next and their day. */
    public static LoyaltyData completed(long pointsChange, long balance, boolean balanceKnown,
                                        io.loyaltyhub.domain.txn.ExpiringPoints next) {
        LoyaltyData data = completed(pointsChange, balance, balanceKnown);
        if (next == null) {
            return data;
        }
        Map<String, String> elements = new LinkedHashMap<>(data.elements());
        elements.put(EXPIRING_POINTS, Long.toString(next.points()));
        elements.put(EXPIRES_ON, next.on().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        return new LoyaltyData(elements);
    }

    public static LoyaltyData pending() {
        return new LoyaltyData(Map.of(STATUS, STATUS_PENDING));
    }

    public static LoyaltyData redeem(long points) {
        return new LoyaltyData(Map.of(REDEEM_POINTS, Long.toString(points)));
    }

    /** A request paying part of a sale with {@code points} (the sale's amount is in fields 4 and 49). */
    public static LoyaltyData payWithPoints(long points) {
        return new LoyaltyData(Map.of(PAY_WITH_POINTS, Long.toString(points)));
    }

    /** The same elements and this one (replacing an element of the same tag). */
    public LoyaltyData with(String tag, String value) {
        Map<String, String> more = new LinkedHashMap<>(elements);
        more.put(tag, value);
        return new LoyaltyData(more);
    }

    /** The earn rules as the {@code ER} element carries them: whole rules, comma-separated, as many as fit. */
    static String rules(java.util.List<String> rules) {
        StringBuilder out = new StringBuilder();
        for (String rule : rules) {
            if (out.length() + rule.length() + 1 > MAX_RULES_LENGTH) {
                break;
            }
            out.append(out.length() == 0 ? "" : ",").append(rule);
        }
        return out.toString();
    }

    public static LoyaltyData redeemReward(String rewardCode) {
        return new LoyaltyData(Map.of(REWARD_CODE, rewardCode));
    }

    /** @throws IllegalArgumentException when the text is not a run of well-formed elements */
    public static LoyaltyData parse(String field63) {
        Map<String, String> elements = new LinkedHashMap<>();
        int position = 0;
        while (position < field63.length()) {
            if (position + 5 > field63.length()) {
                throw new IllegalArgumentException("field 63 element header is cut short");
            }
            String tag = field63.substring(position, position + 2);
            String length = field63.substring(position + 2, position + 5);
            if (!tag.matches("[A-Z]{2}") || !length.matches("[0-9]{3}")) {
                throw new IllegalArgumentException("field 63 element header is not tag + 3 digits");
            }
            int end = position + 5 + Integer.parseInt(length);
            if (end > field63.length()) {
                throw new IllegalArgumentException("field 63 element " + tag + " is cut short");
            }
            elements.put(tag, field63.substring(position + 5, end));
            position = end;
        }
        return new LoyaltyData(elements);
    }

    /** Elements in a fixed order (PE, PB, ST, then any others alphabetically) so responses are byte-stable. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (String tag : new String[] {REDEEM_POINTS, POINTS_CHANGE, POINTS_BALANCE, STATUS}) {
            append(out, tag);
        }
        elements.keySet().stream().sorted()
                .filter(tag -> !tag.equals(REDEEM_POINTS) && !tag.equals(POINTS_CHANGE)
                        && !tag.equals(POINTS_BALANCE) && !tag.equals(STATUS))
                .forEach(tag -> append(out, tag));
        return out.toString();
    }

    private void append(StringBuilder out, String tag) {
        String value = elements.get(tag);
        if (value != null) {
            out.append(tag).append(ZeroPadded.of(value.length(), 3)).append(value);
        }
    }

    public Optional<String> element(String tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    /** A numeric element, if present and a (signed) decimal integer. */
    public OptionalLong number(String tag) {
        String value = elements.get(tag);
        if (value == null || !value.matches("[+-]?[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
