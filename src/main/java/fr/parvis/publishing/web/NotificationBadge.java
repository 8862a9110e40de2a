package fr.parvis.publishing.web;

import fr.parvis.publishing.NotificationManagement;
import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page of an agent the number of unread notifications ({@code unreadNotifications}),
 * shown by the bell of the layout's header. Redirects, fragments and API responses are left alone.
 */
@Configuration(proxyBeanMethods = false)
class NotificationBadge implements WebMvcConfigurer {

    private final NotificationManagement notifications;

    NotificationBadge(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                    ModelAndView view) {
                if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")
                        || view.getViewName().contains("::") || Actors.currentAgent().isEmpty()) {
                    return;
                }
                view.addObject("unreadNotifications", notifications.unreadCount());
            }
        }).excludePathPatterns("/api/**");
    }
}
