package vn.citygov.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A browser-like client for the HTML pages: keeps the session cookie, logs in through the login form (or stays
 * anonymous), does not follow redirects, reads CSRF tokens.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public PageSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Sends this header with every request from now on (e.g. X-Forwarded-For). */
    public PageSession header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public PageSession login(String username) {
        HttpResponse<String> r = post("/login", Map.of("_csrf", csrf("/login"), "username", username,
                "password", "citygov-demo"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "text/html").GET(), HttpResponse.BodyHandlers.ofString());
    }

    /** A download (CSV, XLSX, PDF, a photo) as bytes. */
    public HttpResponse<byte[]> bytes(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).toList());
    }

    /** A form POST whose fields keep their order and may repeat. */
    public HttpResponse<String> post(String path, List<String[]> form) {
        String body = form.stream().map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data POST of text fields and files, as a browser sends a form with file inputs. */
    public HttpResponse<String> postMultipart(String path, List<String[]> fields, List<ApiClient.Part> files) {
        String boundary = "----citygov-page-" + UUID.randomUUID();
        List<ApiClient.Part> parts = new ArrayList<>();
        fields.forEach(f -> parts.add(ApiClient.Part.field(f[0], f[1])));
        parts.addAll(files);
        return send(request(path).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ApiClient.multipartBody(boundary, parts))),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form of text fields and one file. */
    public HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField, String fileName,
            String contentType, byte[] content) {
        return postMultipart(path, fields.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()})
                .toList(), Stream.of(new ApiClient.Part(fileField, fileName, contentType, content)).toList());
    }

    /** The CSRF token of the (first) form on the page at {@code path}. */
    public String csrf(String path) {
        return csrfIn(get(path).body());
    }

    /** The CSRF token of the (first) form in a page's HTML. */
    public static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
