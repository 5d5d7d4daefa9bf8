package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * Every transaction a terminal of this merchant presented, with the answer it got. Tenant-owned.
 * Written by the engine in JDBC batches; mapped here read-only for look-ups and reports.
 */
@Entity
@Immutable
@Table(name = "purchase")
public class Purchase {
    @Id
    private Long id;
    @TenantId
    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;
    @Column(name = "store_id")
    private Long storeId;
    @Column(name = "terminal_id")
    private Long terminalId;
    @Column(name = "txn_ref")
    private String txnRef;
    @Column(name = "kind")
    private String kind;
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "amount_minor")
    private long amountMinor;
    @Column(name = "currency")
    private String currency;
    @Column(name = "occurred_at")
    private LocalDateTime occurredAt;
    @Column(name = "result")
    private String result;
    @Column(name = "points")
    private long points;
    @Column(name = "balance_after")
    private long balanceAfter;

    protected Purchase() {
    }

    public Long getId() {
        return id;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getTxnRef() {
        return txnRef;
    }

    public String getKind() {
        return kind;
    }

    public Long getAccountId() {
        return accountId;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public String getResult() {
        return result;
    }

    public long getPoints() {
        return points;
    }
}
