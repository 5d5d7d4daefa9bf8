package io.loyaltyhub.adapters.iso8583;

import java.util.Arrays;
import java.util.Optional;

/**
 * The message classes the hub answers. A repeat (MTI ending in 1) is the same request sent again
 * because the terminal got no answer; it is handled exactly like the first copy and gets the first answer.
 */
public enum MessageKind {
    /** 0200: the terminal waits for the hub's decision. */
    FINANCIAL_REQUEST("0200", "0201", "0210"),
    /** 0220: store-and-forward; the terminal already completed the transaction, the hub must take it. */
    FINANCIAL_ADVICE("0220", "0221", "0230"),
    /** 0400: undo a transaction whose answer the terminal did not get or could not use. */
    REVERSAL_REQUEST("0400", "0401", "0410"),
    /** 0420: a reversal the terminal already applied on its side. */
    REVERSAL_ADVICE("0420", "0421", "0430"),
    /** 0800: echo test (keep-alive), sign-on, sign-off. */
    NETWORK_MANAGEMENT("0800", "0801", "0810");

    private final String mti;
    private final String repeatMti;
    private final String responseMti;

    MessageKind(String mti, String repeatMti, String responseMti) {
        this.mti = mti;
        this.repeatMti = repeatMti;
        this.responseMti = responseMti;
    }

    public static Optional<MessageKind> of(String mti) {
        return Arrays.stream(values()).filter(k -> k.mti.equals(mti) || k.repeatMti.equals(mti)).findFirst();
    }

    public String mti() {
        return mti;
    }

    public String repeatMti() {
        return repeatMti;
    }

    public String responseMti() {
        return responseMti;
    }

    public boolean isAdvice() {
        return this == FINANCIAL_ADVICE || this == REVERSAL_ADVICE;
    }

    public boolean isReversal() {
        return this == REVERSAL_REQUEST || this == REVERSAL_ADVICE;
    }

    /**
     * The MTI that answers any four-digit MTI, also one the hub does not support (so that it can still
     * be told 12 or 30): the function digit becomes the next odd digit and the origin digit becomes 0,
     * e.g. 0100 to 0110, 0421 to 0430. An MTI that is itself a response is answered with its own MTI.
     */
    public static String responseMtiFor(String mti) {
        int function = mti.charAt(2) - '0';
        int responseFunction = function % 2 == 0 ? function + 1 : function;
        return mti.substring(0, 2) + responseFunction + "0";
    }
}
