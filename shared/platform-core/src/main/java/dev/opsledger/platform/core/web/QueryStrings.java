package dev.opsledger.platform.core.web;

/** Rules about a raw query string that the services and the gateway apply alike. */
public final class QueryStrings {

    private QueryStrings() {
    }

    /**
     * {@code ?=x} or {@code ?a=1&=2}: a parameter without a name. Tomcat and the gateway's relay
     * drop it silently, so the service would never see what the client sent; both refuse it.
     */
    public static boolean hasParameterWithoutName(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String part : rawQuery.split("&")) {
            if (part.startsWith("=")) {
                return true;
            }
        }
        return false;
    }
}
