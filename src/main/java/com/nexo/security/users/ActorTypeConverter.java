package com.nexo.security.users;

import com.nexo.tenancy.ActorType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
class ActorTypeConverter implements AttributeConverter<ActorType, String> {

    @Override
    public String convertToDatabaseColumn(ActorType value) {
        return value == null ? null : value.dbValue();
    }

    @Override
    public ActorType convertToEntityAttribute(String value) {
        return value == null ? null : ActorType.fromDbValue(value);
    }
}
