package fr.parvis.compliance.web;

import fr.parvis.compliance.ElectionCalendar;
import fr.parvis.compliance.ReserveSituation;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.territory.access.Actors;
import fr.parvis.shared.tenancy.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every page of an agent the reserve situation of the current collectivité
 * ({@code reserveSituation}), for the banner of the layout ({@code fragments/reserve-banner}).
 * Skipped for the API and for anonymous pages; a failure never breaks the page (no banner).
 */
@ControllerAdvice
class ReserveBannerAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ReserveBannerAdvice.class);

    private final ElectionCalendar calendar;
    private final Clock clock;

    ReserveBannerAdvice(ElectionCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @ModelAttribute("reserveSituation")
    ReserveSituation reserveSituation(HttpServletRequest request) {
        if (returnsBody(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE))
                || Actors.currentAgent().isEmpty()) {
            return null;
        }
        Optional<CollectiviteId> collectivite = Tenancy.current();
        if (collectivite.isEmpty()) {
            return null;
        }
        try {
            return calendar.situation(collectivite.get(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Reserve situation unavailable for the banner: {}", e.toString());
            return null;
        }
    }

    private static boolean returnsBody(Object handler) {
        return handler instanceof HandlerMethod method
                && (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                        || method.hasMethodAnnotation(ResponseBody.class));
    }
}
