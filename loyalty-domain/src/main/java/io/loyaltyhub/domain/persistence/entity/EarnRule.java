package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A merchant's earn rate for one currency. Tenant-owned. */
@Entity
@Table(name = "earn_rule")
public class EarnRule {
    @Id
    private Long id;
    @TenantId
    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(nullable = false)
    private long points;
    @Column(name = "per_minor_units", nullable = false)
    private long perMinorUnits;

    protected EarnRule() {
    }

    public EarnRule(long id, String currency, long points, long perMinorUnits) {
        this.id = id;
        this.currency = currency;
        this.points = points;
        this.perMinorUnits = perMinorUnits;
    }

    public void changeRate(long newPoints, long newPerMinorUnits) {
        this.points = newPoints;
        this.perMinorUnits = newPerMinorUnits;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getCurrency() {
        return currency;
    }

    public long getPoints() {
        return points;
    }

    public long getPerMinorUnits() {
        return perMinorUnits;
    }
}
