package dev.ankiconnect.deck;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link DeckKind} as its code in the {@code decks.kind} column. */
@Converter
public class DeckKindConverter implements AttributeConverter<DeckKind, Integer> {

    @Override
    public Integer convertToDatabaseColumn(DeckKind kind) {
        return kind == null ? null : kind.code();
    }

    @Override
    public DeckKind convertToEntityAttribute(Integer code) {
        return code == null ? null : DeckKind.of(code);
    }
}
