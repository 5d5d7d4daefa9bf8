package io.loyaltyhub.domain.household;

/** An operator's card or household operation refused for a reason the operator can act on; nothing was changed. */
public final class MemberOperationRefused extends RuntimeException {
    private final MemberRefusal refusal;

    public MemberOperationRefused(MemberRefusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public MemberRefusal refusal() {
        return refusal;
    }
}
