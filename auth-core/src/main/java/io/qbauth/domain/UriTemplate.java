package io.qbauth.domain;

/**
 * Expands a path template such as {@code /users/{id}.json}: each {@code {name}} placeholder (letters, digits and
 * {@code _}) takes the next variable, percent-encoded as one path segment, so a variable can never add a segment,
 * a query or a fragment.
 */
final class UriTemplate {

    private UriTemplate() {
    }

    /**
     * The path {@code template} names with {@code variables} in its placeholders.
     *
     * @throws InvalidInputException if the template is missing or malformed, or the variables do not match its
     *                               placeholders one for one, or one of them is null or empty
     */
    static String expand(String template, Object[] variables) {
        Text.require(template, "template", ApiRequest.MAX_PATH_LENGTH);
        Object[] values = variables == null ? new Object[0] : variables;
        StringBuilder path = new StringBuilder(template.length() + 16 * values.length);
        int used = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '}') {
                throw new InvalidInputException("template has a '}' without its '{'");
            }
            if (c != '{') {
                path.append(c);
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0 || close == i + 1 || !isName(template, i + 1, close)) {
                throw new InvalidInputException("template placeholders are {name}, name of letters, digits and _");
            }
            if (used == values.length) {
                throw new InvalidInputException("template has more placeholders than the " + values.length
                        + " variables given");
            }
            path.append(PercentEncoding.encodeSegment(variable(values[used++], used)));
            i = close;
        }
        if (used != values.length) {
            throw new InvalidInputException("template has " + used + " placeholders but " + values.length
                    + " variables were given");
        }
        return path.toString();
    }

    private static String variable(Object value, int position) {
        String text = value == null ? null : value.toString();
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("template variable " + position + " is null or empty");
        }
        return text;
    }

    private static boolean isName(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
