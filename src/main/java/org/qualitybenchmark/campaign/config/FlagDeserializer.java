package org.qualitybenchmark.campaign.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads the records' primitive {@code boolean} flags. Jackson treats a flag left out of a record the
 * same as one written as {@code required:} with nothing after it, so with FAIL_ON_NULL_FOR_PRIMITIVES
 * every {@code unlimited} of every campaign unit would have to be spelt out. Here a flag left out is
 * false, as the records document, while an empty value is still refused: it is usually a value the
 * process owner meant to fill in.
 */
final class FlagDeserializer extends StdScalarDeserializer<Boolean> {

    FlagDeserializer() {
        super(Boolean.TYPE);
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return _parseBooleanPrimitive(p, ctxt);
    }

    @Override
    public Boolean getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        return ctxt.reportInputMismatch(this, "Cannot coerce `null` to `boolean`: value left empty");
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return Boolean.FALSE;
    }
}
