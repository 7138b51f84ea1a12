package org.qualitybenchmark.campaign.config;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import org.springframework.util.unit.DataSize;

/**
 * Reads sizes written as "20MB", "500MB" or "1GB". A bare number is refused rather than taken as
 * bytes: {@code maxFileSize: 20} almost certainly means 20MB, and silently allowing 20 bytes would
 * reject every upload.
 */
final class DataSizeDeserializer extends StdScalarDeserializer<DataSize> {

    private static final Pattern SIZE = Pattern.compile("[0-9]{1,9}(B|KB|MB|GB|TB)");

    DataSizeDeserializer() {
        super(DataSize.class);
    }

    @Override
    public DataSize deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText();
            String normalised = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            if (SIZE.matcher(normalised).matches()) {
                return DataSize.parse(normalised);
            }
            return (DataSize) ctxt.handleWeirdStringValue(DataSize.class, text, "not a size such as 20MB");
        }
        if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            return (DataSize) ctxt.handleWeirdNumberValue(DataSize.class, p.getNumberValue(), "a size needs a unit");
        }
        return (DataSize) ctxt.handleUnexpectedToken(DataSize.class, p);
    }
}
