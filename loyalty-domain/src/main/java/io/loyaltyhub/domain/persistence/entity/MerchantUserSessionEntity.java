package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.TenantId;

/** A merchant user's signed-in browser: the SHA-256 of the cookie's token, its CSRF token and expiry. Tenant-owned. */
@Entity
@Table(name = "merchant_user_session")
public class MerchantUserSessionEntity {
    @Id
    private Long id;
    @TenantId
    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;
    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;
    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;
    @Column(name = "csrf_token", nullable = false, length = 64, updatable = false)
    private String csrfToken;
    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;
    @Column(name = "last_seen_at", nullable = false)
    private LocalDateTime lastSeenAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private LocalDateTime expiresAt;

    protected MerchantUserSessionEntity() {
    }

    public MerchantUserSessionEntity(long id, String tokenHash, long userId, String csrfToken, LocalDateTime createdAt,
                                     LocalDateTime expiresAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.lastSeenAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public LocalDateTime getLastSeenAt() {
        return lastSeenAt;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public void seenAt(LocalDateTime when) {
        this.lastSeenAt = when;
    }
}
