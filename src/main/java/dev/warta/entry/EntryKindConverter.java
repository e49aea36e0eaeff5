package dev.warta.entry;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class EntryKindConverter implements AttributeConverter<EntryKind, String> {

    @Override
    public String convertToDatabaseColumn(EntryKind kind) {
        return kind == null ? null : kind.dbValue();
    }

    @Override
    public EntryKind convertToEntityAttribute(String value) {
        return value == null ? null : EntryKind.ofDb(value);
    }
}
