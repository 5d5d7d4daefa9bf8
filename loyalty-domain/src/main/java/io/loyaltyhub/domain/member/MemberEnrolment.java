package io.loyaltyhub.domain.member;

import io.loyaltyhub.domain.model.MerchantId;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a member gives at enrolment. {@code enrolledBy} empty: the operator enrols (coalition-level data, plus a
 * contact copy for each merchant in {@code marketingConsent}); a merchant: only that merchant holds the data,
 * with its consent flag.
 */
public record MemberEnrolment(long accountId, String name, String email, String phone, LocalDate birthDate,
                              Set<MerchantId> marketingConsent) {
    public MemberEnrolment {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name is required, at most 200 characters");
        }
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            throw new IllegalArgumentException("email is not an address");
        }
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{4,30}")) {
            throw new IllegalArgumentException("phone is not a phone number");
        }
        marketingConsent = Set.copyOf(marketingConsent);
    }
}
