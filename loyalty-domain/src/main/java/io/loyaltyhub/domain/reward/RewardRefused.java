package io.loyaltyhub.domain.reward;

/** A catalogue or redemption operation refused for a {@link RewardRefusal}; the message holds no card number. */
public final class RewardRefused extends RuntimeException {
    private final RewardRefusal refusal;

    public RewardRefused(RewardRefusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public RewardRefusal refusal() {
        return refusal;
    }
}
