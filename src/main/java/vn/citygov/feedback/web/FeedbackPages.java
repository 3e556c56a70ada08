package vn.citygov.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.citygov.directory.AdminUnit;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.platform.error.CityGovException;

/** What the feedback pages share: the map's model and refusals said in the visitor's language. */
@Component
class FeedbackPages {

    private final FeedbackService feedback;
    private final MessageSource messages;
    private final String tileUrl;

    FeedbackPages(FeedbackService feedback, MessageSource messages,
            @Value("${citygov.feedback.map.tile-url:}") String tileUrl) {
        this.feedback = feedback;
        this.messages = messages;
        this.tileUrl = tileUrl;
    }

    /** The city's bounds, the tile server, the wards' label points, units and categories for a map page. */
    void mapModel(Model model) {
        double[] b = feedback.cityBounds();
        model.addAttribute("bounds", b[1] + "," + b[0] + "," + b[3] + "," + b[2]);
        model.addAttribute("tileUrl", tileUrl);
        StringBuilder units = new StringBuilder("[");
        for (AdminUnit u : feedback.adminUnits()) {
            if (u.labelLat() == null) {
                continue;
            }
            if (units.length() > 1) {
                units.append(',');
            }
            units.append("[\"").append(u.code()).append("\",").append(u.labelLat()).append(',').append(u.labelLon())
                    .append(",\"").append(u.name().replace("\\", "").replace("\"", "")).append("\"]");
        }
        model.addAttribute("unitMarkers", units.append(']').toString());
        model.addAttribute("units", feedback.adminUnits());
        model.addAttribute("categories", feedback.categories());
    }

    String message(CityGovException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** Unknown reports, refusals and bad filters on any feedback page get the site's error page with the right status. */
    @ControllerAdvice(assignableTypes = {FeedbackPageController.class, ReportFormController.class,
            FeedbackWorkPageController.class, MonitoringPageController.class})
    static class Errors {

        @ExceptionHandler(CityGovException.class)
        void failed(CityGovException ex, HttpServletResponse response) throws IOException {
            response.sendError(ex.status().value());
        }
    }
}
