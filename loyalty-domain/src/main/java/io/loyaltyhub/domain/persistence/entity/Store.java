package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A shop of one merchant. Tenant-owned; its code is unique within the merchant only. */
@Entity
@Table(name = "store")
public class Store {
    @Id
    private Long id;
    @TenantId
    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;
    @Column(nullable = false, length = 32)
    private String code;
    @Column(nullable = false, length = 200)
    private String name;

    protected Store() {
    }

    public Store(long id, String code, String name) {
        this.id = id;
        this.code = code;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
