package dev.ankiconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private static CorsPolicy.Decision decide(List<String> list, String extra, String origin) {
        return new CorsPolicy(list, extra).decide(origin);
    }

    @Test
    void defaultList() {
        List<String> d = List.of("http://localhost");
        assertEquals(new CorsPolicy.Decision(true, "http://localhost"), decide(d, null, null));
        assertEquals(new CorsPolicy.Decision(true, "http://localhost"), decide(d, null, "http://localhost"));
        assertEquals(new CorsPolicy.Decision(true, "http://127.0.0.1:8080"), decide(d, null, "http://127.0.0.1:8080"));
        assertEquals(new CorsPolicy.Decision(true, "moz-extension://x"), decide(d, null, "moz-extension://x"));
        assertEquals(new CorsPolicy.Decision(false, "http://localhost"), decide(d, null, "https://127.0.0.1:8080"));
        assertEquals(new CorsPolicy.Decision(false, "http://localhost"), decide(d, null, "http://localhost:3000"));
    }

    @Test
    void star_allowsAll_andAnswersStar() {
        assertEquals(new CorsPolicy.Decision(true, "*"), decide(List.of("*"), null, "https://x.example"));
        assertEquals(new CorsPolicy.Decision(true, "*"), decide(List.of("*"), null, null));
    }

    @Test
    void customList_withoutLocalhost_dropsTheLocalRules() {
        List<String> list = List.of("https://app.example");
        assertEquals(new CorsPolicy.Decision(true, "https://app.example"), decide(list, null, "https://app.example"));
        assertEquals(new CorsPolicy.Decision(false, "http://localhost"), decide(list, null, "chrome-extension://x"));
    }

    @Test
    void deprecatedSingleOrigin_isAdded() {
        assertEquals(
                new CorsPolicy.Decision(true, "https://b.example"),
                decide(List.of("http://localhost"), "https://b.example", "https://b.example"));
    }
}
