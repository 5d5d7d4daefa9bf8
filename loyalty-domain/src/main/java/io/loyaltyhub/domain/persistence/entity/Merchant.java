package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The tenant itself: a retail chain in the coalition. Owned by the operator. */
@Entity
@Table(name = "merchant")
public class Merchant {
    @Id
    private Long id;
    @Column(nullable = false, length = 32)
    private String code;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false, length = 16)
    private String status;
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected Merchant() {
    }

    public Merchant(long id, String code, String name, LocalDateTime createdAt) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.status = "ACTIVE";
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }
}
