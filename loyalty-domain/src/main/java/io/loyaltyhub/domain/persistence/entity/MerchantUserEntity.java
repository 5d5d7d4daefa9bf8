package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.TenantId;

/** A person who signs in to the merchant portal for one merchant (Argon2id password hash, optional TOTP). Tenant-owned. */
@Entity
@Table(name = "merchant_user")
public class MerchantUserEntity {
    @Id
    private Long id;
    @TenantId
    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;
    @Column(nullable = false, length = 32, updatable = false)
    private String username;
    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;
    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;
    @Column(name = "totp_secret", length = 64)
    private String totpSecret;
    @Column(nullable = false, length = 16)
    private String status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    protected MerchantUserEntity() {
    }

    public MerchantUserEntity(long id, String username, String displayName, String passwordHash, String totpSecret,
                              LocalDateTime createdAt) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.totpSecret = totpSecret;
        this.status = "ACTIVE";
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public void disable() {
        this.status = "DISABLED";
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
