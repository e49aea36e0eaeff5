package dev.warta.source;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class SourceStateConverter implements AttributeConverter<SourceState, String> {

    @Override
    public String convertToDatabaseColumn(SourceState state) {
        return state == null ? null : state.dbValue();
    }

    @Override
    public SourceState convertToEntityAttribute(String value) {
        return value == null ? null : SourceState.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
