package fr.parvis.system.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells API requests ({@code /api/…}) from the interface's. */
final class ApiRequests {

    private ApiRequests() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
