package io.loyaltyhub.domain.member;

import io.loyaltyhub.domain.model.MerchantId;
import java.util.Collection;
import java.util.Map;

/**
 * Contact details a merchant may see: only those of its own customers who consented to hear from that
 * merchant (consent is per merchant). Reports ask for a chunk of accounts at a time, so a report over a
 * million customers costs one look-up per chunk, not per row.
 */
public interface MemberContacts {

    /** Contacts of the given accounts that consented to hear from {@code merchant}; accounts without consent are absent. */
    Map<Long, Contact> consentedContacts(MerchantId merchant, Collection<Long> accountIds);

    /**
     * Accounts of members who consented to hear from {@code merchant} and gave this email (or phone): how a cloud POS
     * sale without a card finds its member. None where the hub holds no member data.
     */
    default java.util.Set<Long> consentedAccountsWithContact(MerchantId merchant, String email, String phone) {
        return java.util.Set.of();
    }

    record Contact(String name, String email, String phone) {
    }

    /** No member has given consent anywhere (a hub without member enrolment). */
    static MemberContacts none() {
        return (merchant, accountIds) -> Map.of();
    }
}
