package io.qbauth.adapter.codec.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;

/** Builds the one {@link JsonFactory} of the codec, with every limit that keeps hostile replies cheap. */
final class BoundedJsonFactory {

    private BoundedJsonFactory() {
    }

    static JsonFactory create() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(JacksonJsonCodec.MAX_NESTING_DEPTH)
                        .maxDocumentLength(JacksonJsonCodec.MAX_DOCUMENT_BYTES)
                        .maxTokenCount(JacksonJsonCodec.MAX_TOKENS)
                        .maxStringLength(JacksonJsonCodec.MAX_STRING_LENGTH)
                        .maxNameLength(JacksonJsonCodec.MAX_NAME_LENGTH)
                        .maxNumberLength(JacksonJsonCodec.MAX_NUMBER_LENGTH)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(JacksonJsonCodec.MAX_NESTING_DEPTH)
                        .build())
                // a reply with two "token" members is ambiguous: refuse it rather than pick one
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // parser messages must never echo reply content (it may hold a token)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build()
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }
}
