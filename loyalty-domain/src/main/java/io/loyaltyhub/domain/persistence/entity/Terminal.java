package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A till or card terminal in a store. Tenant-owned; authenticates with its own credential. */
@Entity
@Table(name = "terminal")
public class Terminal {
    @Id
    private Long id;
    @TenantId
    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;
    @Column(name = "store_id", nullable = false)
    private Long storeId;
    @Column(nullable = false, length = 32)
    private String code;
    @Column(name = "credential_id", nullable = false, length = 40)
    private String credentialId;
    @Column(name = "secret_hash", nullable = false, length = 128)
    private String secretHash;
    @Column(nullable = false, length = 16)
    private String status;

    protected Terminal() {
    }

    public Terminal(long id, long storeId, String code, String credentialId, String secretHash) {
        this.id = id;
        this.storeId = storeId;
        this.code = code;
        this.credentialId = credentialId;
        this.secretHash = secretHash;
        this.status = "ACTIVE";
    }

    public void replaceSecret(String newSecretHash) {
        this.secretHash = newSecretHash;
    }

    public Long getId() {
        return id;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public Long getStoreId() {
        return storeId;
    }

    public String getCode() {
        return code;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getStatus() {
        return status;
    }

    /** The terminal may no longer log in or send (its merchant's other terminals go on). */
    public void disable() {
        this.status = "DISABLED";
    }
}
