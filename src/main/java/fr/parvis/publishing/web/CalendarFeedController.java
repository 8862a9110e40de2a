package fr.parvis.publishing.web;

import fr.parvis.publishing.calendar.CalendarManagement;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The secret iCalendar address of an agent, read by calendar applications without a session.
 * Unknown or revoked → 404, like any missing page.
 */
@Controller
class CalendarFeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarManagement calendar;

    CalendarFeedController(CalendarManagement calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/ical/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        return calendar.ical(token)
                .map(ics -> ResponseEntity.ok().contentType(CALENDAR)
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .header("X-Robots-Tag", "noindex")
                        .body(ics.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                        .body("Calendrier introuvable.\n".getBytes(StandardCharsets.UTF_8)));
    }
}
