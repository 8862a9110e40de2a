package fr.parvis.publishing.web;

import fr.parvis.publishing.NotificationManagement;
import fr.parvis.publishing.NotificationView;
import fr.parvis.shared.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The current member's notifications: list, open (marks read), mark as read. */
@Controller
class NotificationsController {

    private final NotificationManagement notifications;
    private final WebSupport support;

    NotificationsController(NotificationManagement notifications, WebSupport support) {
        this.notifications = notifications;
        this.support = support;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        int bounded = Math.max(0, Math.min(page, 1000));
        var list = notifications.list(bounded);
        model.addAttribute("notifications", list);
        model.addAttribute("page", bounded);
        model.addAttribute("hasNext", list.size() == NotificationManagement.PAGE_SIZE);
        model.addAttribute("zone", support.zone());
        return "publishing/notifications";
    }

    /** Marks one as read; with {@code ouvrir}, goes on to its post. */
    @PostMapping("/notifications/{id}/lue")
    String read(@PathVariable String id, @RequestParam(name = "ouvrir", defaultValue = "false") boolean open,
            RedirectAttributes redirect) {
        NotificationView notification = notifications.markRead(Ids.parse(id));
        if (open && notification.postId() != null) {
            return "redirect:/publier/publications/" + notification.postId();
        }
        redirect.addFlashAttribute("flash", "publishing.ui.notifications.read");
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/lues")
    String readAll(RedirectAttributes redirect) {
        int count = notifications.markAllRead();
        redirect.addFlashAttribute("flash", "publishing.ui.notifications.allRead");
        redirect.addFlashAttribute("flashArgs", new Object[] {count});
        return "redirect:/notifications";
    }
}
