package fr.parvis.publishing.web;

import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.VariantView;
import fr.parvis.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The composer's form: the message, its link, the time (date and time in the collectivité's zone),
 * the selected accounts and a variant per account (own text, first comment or thread, media ids).
 */
public class ComposerForm {

    /** The most accounts a post may go to (as {@link PostCommand} allows). */
    static final int MAX_ACCOUNTS = 20;

    private String title;
    private String body;
    private String link;
    private String utmCampaign;
    private boolean boosted;
    private String scheduledDate;
    private String scheduledTime;
    private List<UUID> accounts = new ArrayList<>();
    private final Map<String, VariantForm> variants = new AutoMap();

    /** A map that creates the variant of an account on first use, so binding {@code variants[id].text} works. */
    static final class AutoMap extends LinkedHashMap<String, VariantForm> {

        private static final long serialVersionUID = 1L;

        @Override
        public VariantForm get(Object key) {
            if (key instanceof String text && text.length() <= 64) {
                return computeIfAbsent(text, k -> new VariantForm());
            }
            return super.get(key);
        }
    }

    /** One part of a variant's thread. */
    public static class PartForm {

        private String text;
        private String mediaIds;

        public PartForm() {
        }

        PartForm(String text, String mediaIds) {
            this.text = text;
            this.mediaIds = mediaIds;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getMediaIds() {
            return mediaIds;
        }

        public void setMediaIds(String mediaIds) {
            this.mediaIds = mediaIds;
        }

        boolean blank() {
            return (text == null || text.isBlank()) && (mediaIds == null || mediaIds.isBlank());
        }
    }

    /** One account's variant. */
    public static class VariantForm {

        private String text;
        private String firstComment;
        private String mediaIds;
        private List<PartForm> thread = new ArrayList<>();

        public List<PartForm> getThread() {
            return thread;
        }

        public void setThread(List<PartForm> thread) {
            this.thread = thread == null ? new ArrayList<>() : thread;
        }

        /** The parts typed, blank ones left out (an empty box adds nothing). */
        public List<PartForm> parts() {
            return thread.stream().filter(p -> p != null && !p.blank()).toList();
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getFirstComment() {
            return firstComment;
        }

        public void setFirstComment(String firstComment) {
            this.firstComment = firstComment;
        }

        public String getMediaIds() {
            return mediaIds;
        }

        public void setMediaIds(String mediaIds) {
            this.mediaIds = mediaIds;
        }
    }

    /** The form of a saved post. */
    static ComposerForm of(PostView post, ZoneId zone) {
        ComposerForm form = new ComposerForm();
        form.title = post.title();
        form.body = post.body();
        form.link = post.link();
        form.utmCampaign = post.utmCampaign();
        form.boosted = post.boosted();
        if (post.scheduledAt() != null) {
            var local = post.scheduledAt().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
            form.scheduledDate = local.toLocalDate().toString();
            form.scheduledTime = local.toLocalTime().toString();
        }
        for (VariantView v : post.variants()) {
            form.accounts.add(v.accountId());
            VariantForm variant = form.variants.get(v.accountId().toString());
            variant.text = v.ownText();
            variant.firstComment = v.firstComment();
            variant.mediaIds = v.mediaIds().stream().map(UUID::toString).collect(Collectors.joining(" "));
            v.thread().forEach(p -> variant.thread.add(new PartForm(p.text(),
                    p.mediaIds().stream().map(UUID::toString).collect(Collectors.joining(" ")))));
            if (v.network().threads() && variant.thread.isEmpty() && v.firstComment() != null) {
                // where the network has threads, the composer shows a first comment as the thread's first part
                variant.thread.add(new PartForm(v.firstComment(), null));
                variant.firstComment = null;
            }
        }
        return form;
    }

    /** The selected accounts, each once, in the order of the form. */
    Set<UUID> selected() {
        Set<UUID> selected = new LinkedHashSet<>();
        if (accounts != null) {
            accounts.stream().filter(a -> a != null).forEach(selected::add);
        }
        return selected;
    }

    /** Whether an account is selected (for the template). */
    public boolean isSelected(UUID accountId) {
        return selected().contains(accountId);
    }

    /** The variant of an account (empty when none was typed). */
    public VariantForm variant(UUID accountId) {
        return variants.get(accountId.toString());
    }

    /** The time typed, or {@code null} when both fields are empty. */
    Instant scheduledAt(ZoneId zone) {
        boolean noDate = scheduledDate == null || scheduledDate.isBlank();
        boolean noTime = scheduledTime == null || scheduledTime.isBlank();
        if (noDate && noTime) {
            return null;
        }
        if (noDate) {
            throw new InvalidInputException("publishing.ui.schedule.dateMissing", "scheduledDate");
        }
        if (noTime) {
            throw new InvalidInputException("publishing.ui.schedule.timeMissing", "scheduledTime");
        }
        try {
            LocalDate date = LocalDate.parse(scheduledDate.strip());
            LocalTime time = LocalTime.parse(scheduledTime.strip());
            return date.atTime(time).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("publishing.ui.schedule.invalid", "scheduledDate");
        }
    }

    /** The command for the publishing service. Refuses malformed media ids and too many accounts. */
    PostCommand command(ZoneId zone) {
        Set<UUID> selected = selected();
        if (selected.size() > MAX_ACCOUNTS) {
            throw new InvalidInputException("publishing.ui.accounts.tooMany", "accounts", MAX_ACCOUNTS);
        }
        List<PostCommand.VariantCommand> list = new ArrayList<>();
        for (UUID account : selected) {
            VariantForm v = variants.get(account.toString());
            List<PartForm> parts = v.parts();
            if (parts.size() > PostCommand.MAX_THREAD_PARTS) {
                throw new InvalidInputException("publishing.thread.tooManyParts", "accounts", parts.size(),
                        PostCommand.MAX_THREAD_PARTS);
            }
            List<PostCommand.ThreadPartCommand> thread = new ArrayList<>();
            for (PartForm part : parts) {
                if (part.text != null && part.text.length() > 10000) {
                    throw new InvalidInputException("publishing.ui.thread.partTooLong", "accounts", thread.size() + 1);
                }
                thread.add(new PostCommand.ThreadPartCommand(blankToNull(part.text), mediaIds(part.mediaIds)));
            }
            list.add(new PostCommand.VariantCommand(account, blankToNull(v.text), blankToNull(v.firstComment),
                    mediaIds(v.mediaIds), thread));
        }
        return new PostCommand(blankToNull(title), body == null ? "" : body, blankToNull(link),
                blankToNull(utmCampaign), boosted, scheduledAt(zone), list);
    }

    private static List<UUID> mediaIds(String text) {
        List<UUID> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        if (text.length() > 400) {
            throw new InvalidInputException("publishing.ui.media.invalid", "accounts");
        }
        for (String part : text.strip().split("[\\s,;]+")) {
            try {
                ids.add(UUID.fromString(part));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("publishing.ui.media.invalid", "accounts");
            }
        }
        return ids;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The most parts of a thread (for the template). */
    public int getMaxThreadParts() {
        return PostCommand.MAX_THREAD_PARTS;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }

    public String getUtmCampaign() {
        return utmCampaign;
    }

    public void setUtmCampaign(String utmCampaign) {
        this.utmCampaign = utmCampaign;
    }

    public boolean isBoosted() {
        return boosted;
    }

    public void setBoosted(boolean boosted) {
        this.boosted = boosted;
    }

    public String getScheduledDate() {
        return scheduledDate;
    }

    public void setScheduledDate(String scheduledDate) {
        this.scheduledDate = scheduledDate;
    }

    public String getScheduledTime() {
        return scheduledTime;
    }

    public void setScheduledTime(String scheduledTime) {
        this.scheduledTime = scheduledTime;
    }

    public List<UUID> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<UUID> accounts) {
        this.accounts = accounts == null ? new ArrayList<>() : accounts;
    }

    public Map<String, VariantForm> getVariants() {
        return variants;
    }
}
