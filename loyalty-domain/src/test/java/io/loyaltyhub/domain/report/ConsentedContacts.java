package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.model.MerchantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small real {@link MemberContacts}: consents per (merchant, account), and a log of the chunks asked for. */
public final class ConsentedContacts implements MemberContacts {
    private final Map<MerchantId, Map<Long, Contact>> consents = new HashMap<>();
    private final List<Integer> chunkSizes = new ArrayList<>();

    public ConsentedContacts consent(MerchantId merchant, long account, Contact contact) {
        consents.computeIfAbsent(merchant, m -> new HashMap<>()).put(account, contact);
        return this;
    }

    @Override
    public synchronized Map<Long, Contact> consentedContacts(MerchantId merchant, Collection<Long> accountIds) {
        chunkSizes.add(accountIds.size());
        Map<Long, Contact> ofMerchant = consents.getOrDefault(merchant, Map.of());
        Map<Long, Contact> found = new HashMap<>();
        for (Long id : accountIds) {
            if (ofMerchant.containsKey(id)) {
                found.put(id, ofMerchant.get(id));
            }
        }
        return found;
    }

    public synchronized List<Integer> chunkSizes() {
        return List.copyOf(chunkSizes);
    }
}
