package io.loyaltyhub.domain.earn;

/** One rule's share of a sale's points: the rate version's base points, a campaign's or a tier's extra points. */
public record EarnPart(String rule, long points) {
}
