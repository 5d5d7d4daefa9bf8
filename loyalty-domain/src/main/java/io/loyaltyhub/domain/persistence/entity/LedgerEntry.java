package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/** One append-only movement of points on an account, with the merchant and purchase that caused it. */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry {
    @Id
    private Long id;
    @Column(name = "account_id", nullable = false)
    private Long accountId;
    @Column(name = "merchant_id", nullable = false)
    private Long merchantId;
    @Column(name = "purchase_id", nullable = false)
    private Long purchaseId;
    @Column(name = "entry_type", nullable = false, length = 16)
    private String entryType;
    @Column(nullable = false)
    private long points;
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected LedgerEntry() {
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getEntryType() {
        return entryType;
    }

    public long getPoints() {
        return points;
    }
}
