package io.loyaltyhub.domain.card;

import java.util.List;

/** A snapshot of the card programmes and issued ranges, as the edge needs them to read a card. */
public record CardCatalog(List<CardProgramme> programmes, List<CardRange> ranges) {
    public CardCatalog {
        programmes = List.copyOf(programmes);
        ranges = List.copyOf(ranges);
    }
}
