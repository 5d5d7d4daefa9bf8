package io.loyaltyhub.domain.persistence.entity;

import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    public CardProgrammeEntity(CardProgramme programme) {
        this.id = programme.id();
        this.name = programme.name();
        this.prefix = programme.prefix();
        this.panLength = programme.length();
        this.checkDigit = programme.checkDigit().name();
    }

    public CardProgramme toProgramme() {
        return new CardProgramme(id, name, prefix, panLength, CheckDigitRule.valueOf(checkDigit));
    }
}
