package io.loyaltyhub.hub.broker.terminals;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns one message taken off an ingress address into a canonical transaction, or into a coded rejection.
 * The terminal is the one the broker authenticated (the login it stamped on the message, see {@link SenderStamp}), and it must be
 * the terminal the address belongs to; the body is the HTTP JSON dialect, read by the same codec.
 */
final class IngressCheck {

    /** The outcome of the check: exactly one of {@code transaction} or {@code code} is set. */
    record Result(PosTransaction transaction, String code, String detail, TerminalAddress replyTo) {
        static Result accepted(PosTransaction transaction, TerminalAddress replyTo) {
            return new Result(transaction, null, null, replyTo);
        }

        static Result rejected(String code, String detail, TerminalAddress replyTo) {
            return new Result(null, code, detail, replyTo);
        }

        boolean isAccepted() {
            return transaction != null;
        }
    }

    private final BiFunction<String, String, Optional<TerminalIdentity>> terminalByCodes;
    private final JsonSwipeCodec codec;
    private final int maxMessageBytes;

    /** @param terminalByCodes active terminal by merchant code and terminal code */
    IngressCheck(BiFunction<String, String, Optional<TerminalIdentity>> terminalByCodes, JsonSwipeCodec codec,
                 int maxMessageBytes) {
        this.terminalByCodes = terminalByCodes;
        this.codec = codec;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * @param address       the address the message was published to
     * @param validatedUser who the broker says sent it
     * @param body          the message body, or null when it is neither text nor bytes
     * @param bodyLength    its length in bytes (known before the body is read)
     */
    Result check(String address, String validatedUser, byte[] body, long bodyLength) {
        TerminalAddress sender = TerminalAddress.ofBrokerUser(validatedUser).orElse(null);
        TerminalAddress addressee = TerminalAddress.ofIngress(address).orElse(null);
        if (addressee == null) {
            return Result.rejected("unknown-address", "publish to pos.in.<merchant>.<terminal>", sender);
        }
        if (!Objects.equals(sender, addressee)) {
            // Only the hub's own login could get here (the broker lets a terminal publish to its own address only).
            return Result.rejected("sender-not-address-owner", "the sender is not the terminal this address belongs to", sender);
        }
        Optional<TerminalIdentity> terminal = terminalByCodes.apply(addressee.merchantCode(), addressee.terminalCode());
        if (terminal.isEmpty()) {
            return Result.rejected("unknown-terminal-or-wrong-credential", "no active terminal has this login", addressee);
        }
        if (bodyLength > maxMessageBytes) {
            return Result.rejected("body-too-large", "the message exceeds " + maxMessageBytes + " bytes", addressee);
        }
        if (body == null) {
            return Result.rejected("unsupported-message", "send the transaction as a text or bytes message of JSON", addressee);
        }
        try {
            PosTransaction t = codec.decode(body, terminal.get());
            return Result.accepted(t.onChannel(Channel.BROKER), addressee);
        } catch (InputRejected r) {
            return Result.rejected(r.code(), r.getMessage(), addressee);
        }
    }
}
