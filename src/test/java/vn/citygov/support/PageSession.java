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

/** A browser-like client for the pages: keeps the session cookie, does not follow redirects, reads CSRF tokens. */
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

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
        headers.forEach(b::header);
        return b;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, List<String[]> form) throws IOException, InterruptedException {
        String body = form.stream().map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data POST of text fields and files, as a browser sends a form with file inputs. */
    public HttpResponse<String> postMultipart(String path, List<String[]> fields, List<ApiClient.Part> files)
            throws IOException, InterruptedException {
        String boundary = "----citygov-page-" + UUID.randomUUID();
        List<ApiClient.Part> parts = new ArrayList<>();
        fields.forEach(f -> parts.add(ApiClient.Part.field(f[0], f[1])));
        parts.addAll(files);
        return client.send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ApiClient.multipartBody(boundary, parts))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String csrf(String path) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(path).body());
        assertThat(m.find()).as("CSRF token on " + path).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    public PageSession login(String username) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/login", List.of(new String[] {"_csrf", csrf("/login")},
                new String[] {"username", username}, new String[] {"password", "citygov-demo"}));
        assertThat(r.statusCode()).isEqualTo(302);
        return this;
    }
}
