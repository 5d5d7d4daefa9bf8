package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An issued card range's row. Plain values, like the other entities: the card package maps it, not the other way round. */
@Entity
@Table(name = "card_range")
public class CardRangeEntity {
    @Id
    private Long id;
    @Column(name = "programme_id", nullable = false)
    private Long programmeId;
    @Column(name = "first_number", nullable = false, length = 32)
    private String firstNumber;
    @Column(name = "last_number", nullable = false, length = 32)
    private String lastNumber;
    @Column(name = "issued_at", nullable = false)
    private LocalDateTime issuedAt;

    protected CardRangeEntity() {
    }

    public CardRangeEntity(long id, long programmeId, String firstNumber, String lastNumber, LocalDateTime issuedAt) {
        this.id = id;
        this.programmeId = programmeId;
        this.firstNumber = firstNumber;
        this.lastNumber = lastNumber;
        this.issuedAt = issuedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public String getFirstNumber() {
        return firstNumber;
    }

    public String getLastNumber() {
        return lastNumber;
    }
}
