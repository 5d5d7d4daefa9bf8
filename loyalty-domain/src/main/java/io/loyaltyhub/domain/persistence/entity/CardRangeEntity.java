package io.loyaltyhub.domain.persistence.entity;

import io.loyaltyhub.domain.card.CardRange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

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

    public CardRangeEntity(CardRange range, LocalDateTime issuedAt) {
        this.id = range.id();
        this.programmeId = range.programmeId();
        this.firstNumber = range.firstNumber();
        this.lastNumber = range.lastNumber();
        this.issuedAt = issuedAt;
    }

    public CardRange toRange() {
        return new CardRange(id, programmeId, firstNumber, lastNumber);
    }
}
