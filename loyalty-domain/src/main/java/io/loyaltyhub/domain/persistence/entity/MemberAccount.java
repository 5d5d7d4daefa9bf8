package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A household's pooled points. Coalition data, owned by the operator. The balance column is only ever
 * changed by the engine's atomic {@code balance = balance + ?} update, in the same transaction as the
 * ledger entry that explains it, so it always equals the sum of the account's ledger entries.
 */
@Entity
@Table(name = "member_account")
public class MemberAccount {
    @Id
    private Long id;
    @Column(nullable = false, updatable = false)
    private long balance;

    protected MemberAccount() {
    }

    public Long getId() {
        return id;
    }

    public long getBalance() {
        return balance;
    }
}
