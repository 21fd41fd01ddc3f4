package io.qbauth.emulator.internal.params;

import java.util.Locale;

/** How a request body is encoded, from its {@code Content-Type} (or, without one, from its first byte). */
public enum BodyFormat {
    /** {@code application/x-www-form-urlencoded}. */
    FORM,
    /** {@code application/json} or any {@code +json} type. */
    JSON,
    /** Anything else: refused with 415. */
    UNSUPPORTED;

    /**
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param firstByte the first non-blank body byte, used only when there is no content type
     */
    public static BodyFormat of(String contentType, byte firstByte) {
        if (contentType == null || contentType.isBlank()) {
            return firstByte == '{' ? JSON : FORM;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            return FORM;
        }
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            return JSON;
        }
        return UNSUPPORTED;
    }

    /** Decodes a body in this format. */
    public RequestParams decode(byte[] body, int offset, int length) {
        return switch (this) {
            case FORM -> FormDecoder.decode(body, offset, length);
            case JSON -> JsonParamsDecoder.decode(body, offset, length);
            case UNSUPPORTED -> throw new IllegalStateException("unsupported body format");
        };
    }
}
