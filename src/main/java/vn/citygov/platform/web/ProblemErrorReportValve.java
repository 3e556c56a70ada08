package vn.citygov.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error page, for requests it refuses before CityGov sees them (an encoded NUL in
 * the path, a malformed header): a short problem+json instead of Tomcat's HTML with its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + (status >= 500 ? "Server error" : "Bad request")
                        + "\",\"status\":" + status + ",\"detail\":\"Yêu cầu không hợp lệ. / The request is not valid.\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client has gone or the response is committed; nothing more to say.
        }
    }
}
