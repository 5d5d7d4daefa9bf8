package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.OperatorDirectory;
import io.loyaltyhub.domain.admin.OperatorQueries;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.reward.Reward;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a shopper can take a reward, for the member page: "at every merchant" for a reward offered at all tills,
 * otherwise the names of its owner and of the merchants listed for it (as the catalogue stores them, docs/rewards.md),
 * active merchants only, by name. Merchant names are coalition data the page already shows in her history.
 */
final class RewardPlaces {
    private final OperatorDirectory directory;

    RewardPlaces(OperatorDirectory directory) {
        this.directory = directory;
    }

    /** The active merchants' names by id, read once for a page. */
    Map<Long, String> names() {
        return directory.merchants().stream().filter(m -> "ACTIVE".equals(m.status()))
                .collect(Collectors.toMap(OperatorQueries.MerchantRow::id, OperatorQueries.MerchantRow::name));
    }

    static String of(Reward reward, Map<Long, String> names, Map<String, String> words) {
        if (reward.allMerchants()) {
            return words.get("member.reward-everywhere");
        }
        List<MerchantId> at = new ArrayList<>(reward.offeredAt());
        if (reward.owner() != null && !at.contains(reward.owner())) {
            at.add(reward.owner());
        }
        List<String> shown = at.stream().map(m -> names.get(m.value())).filter(n -> n != null).sorted().toList();
        return shown.isEmpty() ? words.get("member.reward-nowhere") : String.join(", ", shown);
    }
}
