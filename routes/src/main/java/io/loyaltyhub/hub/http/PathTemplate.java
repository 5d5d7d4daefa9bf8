package io.loyaltyhub.hub.http;

/** A route's path as Camel writes it ({@code /merchant/v1/reports/{name}}), matched against a request's path. */
final class PathTemplate {
    private PathTemplate() {
    }

    static boolean matches(String template, String path) {
        if (template == null || path == null) {
            return false;
        }
        String[] expected = segments(template);
        String[] actual = segments(path);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (parameter ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1);
    }
}
