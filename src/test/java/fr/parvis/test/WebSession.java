package fr.parvis.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A browser-like MockMvc client: keeps the cookies the application sets (the Spring Session JDBC
 * cookie, the language), so a test can log in and go on as that user.
 */
public class WebSession {

    private final MockMvc mvc;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    public WebSession(MockMvc mvc) {
        this.mvc = mvc;
    }

    public MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        MvcResult result = mvc.perform(request).andReturn();
        MockHttpServletResponse response = result.getResponse();
        for (Cookie cookie : response.getCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
        return result;
    }

    /** Posts the login form; returns the redirect target. */
    public String login(String email, String password) throws Exception {
        MvcResult result = perform(post("/connexion").param("email", email).param("password", password).with(csrf()));
        return result.getResponse().getRedirectedUrl();
    }

    public boolean hasSession() {
        return cookies.containsKey("PARVIS_SESSION");
    }

    public Map<String, Cookie> cookies() {
        return cookies;
    }
}
