package fi.hyte.participation.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public forms' check against posts from other sites: with no session to ride on, the harm
 * would be a page elsewhere making its visitors' browsers answer, so a form whose Origin is another
 * site's (or "null") is refused. The same rule as the consultation form's.
 */
final class PublicOrigin {

    private PublicOrigin() {}

    static boolean fromElsewhere(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        int port = request.getServerPort();
        boolean defaultPort = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        String own = request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return !origin.equalsIgnoreCase(own);
    }
}
