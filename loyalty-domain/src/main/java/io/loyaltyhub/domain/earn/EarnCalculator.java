package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.txn.LineItem;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The stacking rule (docs/rewards.md, "Stacking"), as pure integer arithmetic. Base points = floor(amount x rate).
 * Multipliers never multiply each other: a whole-sale multiplier adds base x (m - 100) / 100; a category or SKU
 * multiplier higher than the whole-sale one adds, for its matching lines only, floor(line amount x rate) x (its m - the
 * whole-sale m) / 100 — so each part of the sale earns at the highest multiplier that covers it. Bonuses add up, each once
 * per sale. The member's tier adds base x (tier m - 100) / 100. Every extra is rounded down.
 */
public final class EarnCalculator {
    private EarnCalculator() {
    }

    /** The parts of a sale's points: the base first, then each campaign's and the tier's extra (those above 0). */
    public static List<EarnPart> parts(EarnRateVersion rate, long amountMinor, List<LineItem> lines, StoreId store,
                                       LocalDateTime when, List<Campaign> campaigns, Tier tier) {
        long base = rate.rate().earnFor(amountMinor).value();
        List<EarnPart> parts = new ArrayList<>();
        parts.add(new EarnPart(rate.rule(), base));
        List<Campaign> running = campaigns.stream().filter(c -> c.runsAt(store, when)).toList();
        Campaign whole = running.stream().filter(c -> c.isMultiplier() && c.wholeSale())
                .max(java.util.Comparator.comparingLong(Campaign::multiplierPercent)).orElse(null);
        long wholePercent = whole == null ? 100 : whole.multiplierPercent();
        if (whole != null) {
            add(parts, whole.rule(), base * (wholePercent - 100) / 100);
        }
        java.util.Map<Campaign, Long> lineExtras = new java.util.LinkedHashMap<>();
        for (LineItem line : lines) {
            Campaign best = running.stream().filter(c -> c.isMultiplier() && !c.wholeSale() && c.matches(line)
                    && c.multiplierPercent() > wholePercent)
                    .max(java.util.Comparator.comparingLong(Campaign::multiplierPercent)).orElse(null);
            if (best != null && line.amountMinorUnits() > 0) {
                long lineBase = rate.rate().earnFor(line.amountMinorUnits()).value();
                lineExtras.merge(best, lineBase * (best.multiplierPercent() - wholePercent) / 100, Long::sum);
            }
        }
        lineExtras.forEach((c, extra) -> add(parts, c.rule(), extra));
        for (Campaign bonus : running) {
            if (!bonus.isMultiplier() && (bonus.wholeSale() || lines.stream().anyMatch(bonus::matches))) {
                add(parts, bonus.rule(), bonus.bonusPoints());
            }
        }
        if (tier != null) {
            add(parts, tier.rule(), base * (tier.multiplierPercent() - 100) / 100);
        }
        return parts;
    }

    public static long total(List<EarnPart> parts) {
        return parts.stream().mapToLong(EarnPart::points).sum();
    }

    private static void add(List<EarnPart> parts, String rule, long points) {
        if (points > 0) {
            parts.add(new EarnPart(rule, points));
        }
    }
}
