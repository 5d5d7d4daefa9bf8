package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.TenantId;

/** A merchant's report credential (id + Argon2id hash of the secret). Tenant-owned. */
@Entity
@Table(name = "merchant_credential")
public class MerchantCredentialEntity {
    /** The status of a credential that authenticates. */
    public static final String ACTIVE = "ACTIVE";

    @Id
    private Long id;
    @TenantId
    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;
    @Column(name = "credential_id", nullable = false, length = 40, updatable = false)
    private String credentialId;
    @Column(name = "secret_hash", nullable = false, length = 200)
    private String secretHash;
    @Column(nullable = false, length = 16)
    private String status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    protected MerchantCredentialEntity() {
    }

    public MerchantCredentialEntity(long id, String credentialId, String secretHash, LocalDateTime createdAt) {
        this.id = id;
        this.credentialId = credentialId;
        this.secretHash = secretHash;
        this.status = ACTIVE;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** From now on the credential authenticates nothing; the row stays, so the download audit still names it. */
    public void revoke() {
        this.status = "REVOKED";
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
