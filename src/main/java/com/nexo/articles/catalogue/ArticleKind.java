package com.nexo.articles.catalogue;

import java.util.Locale;

/** Goods are sold (and usually stocked), services are never stocked, inputs are consumed by production. */
public enum ArticleKind {
    GOODS,
    SERVICE,
    INPUT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArticleKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @jakarta.persistence.Converter
    static class DbConverter implements jakarta.persistence.AttributeConverter<ArticleKind, String> {
        @Override
        public String convertToDatabaseColumn(ArticleKind kind) {
            return kind == null ? null : kind.dbValue();
        }

        @Override
        public ArticleKind convertToEntityAttribute(String value) {
            return value == null ? null : fromDb(value);
        }
    }
}
