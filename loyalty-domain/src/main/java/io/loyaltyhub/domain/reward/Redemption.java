package io.loyaltyhub.domain.reward;

/**
 * A redemption as the operator sees it: which reward, for how many points, where it stands (RESERVED, FULFILLED or
 * CANCELLED), how it came (TILL or MAIL), and the member's balance after the operation that answered it.
 */
public record Redemption(long id, String rewardCode, String rewardName, long points, String status, String channel,
                         long balance) {
}
