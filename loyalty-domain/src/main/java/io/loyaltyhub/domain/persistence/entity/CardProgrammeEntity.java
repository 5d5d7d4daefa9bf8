package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A card programme's row. Plain values, like the other entities: the card package maps it, not the other way round. */
@Entity
@Table(name = "card_programme")
public class CardProgrammeEntity {
    @Id
    private Long id;
    @Column(nullable = false, length = 64)
    private String name;
    @Column(nullable = false, length = 12)
    private String prefix;
    @Column(name = "pan_length", nullable = false)
    private int panLength;
    @Column(name = "check_digit", nullable = false, length = 8)
    private String checkDigit;

    protected CardProgrammeEntity() {
    }

    public CardProgrammeEntity(long id, String name, String prefix, int panLength, String checkDigit) {
        this.id = id;
        this.name = name;
        this.prefix = prefix;
        this.panLength = panLength;
        this.checkDigit = checkDigit;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public int getPanLength() {
        return panLength;
    }

    public String getCheckDigit() {
        return checkDigit;
    }
}
