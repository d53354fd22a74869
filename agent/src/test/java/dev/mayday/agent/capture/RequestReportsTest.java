package dev.mayday.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How a request is named in the report's {@code origin}: method and path, nothing secret. */
class RequestReportsTest {

    private final RequestReports requests = new RequestReports(null, Pattern.compile("(?i)ssn"));

    @Test
    void methodAndPathWithoutQueryOrFragment() {
        assertEquals("GET /orders/42", requests.requestLine("GET", "/orders/42?token=s3cret#top"));
        assertEquals("POST /", requests.requestLine("POST", "/"));
        assertEquals("? ?", requests.requestLine(null, null));
    }

    @Test
    void pathParametersAreLeftOut() {
        assertEquals("/cart/items", requests.cleanPath("/cart;jsessionid=ABC123/items;v=2"));
    }

    @Test
    void aSegmentAfterOneNamedLikeASecretIsRedacted() {
        assertEquals("/reset-password/[redacted]/done", requests.cleanPath("/reset-password/abcdef0123/done"));
        assertEquals("/api/token/[redacted]", requests.cleanPath("/api/token/eyJhbGciOi"));
        assertEquals("/people/ssn/[redacted]", requests.cleanPath("/people/ssn/123-45-6789"));
        assertEquals("/token", requests.cleanPath("/token"));
    }

    @Test
    void longPathsAreCut() {
        String path = "/" + "a".repeat(2000);
        assertEquals(512 + 3, requests.cleanPath(path).length());
    }
}
