package fr.parvis.publishing.web;

import fr.parvis.publishing.TagSuggestions;
import fr.parvis.shared.Ids;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The composer's hashtag and mention suggestions (JSON for {@code static/js/composer.js}): a GET
 * that changes nothing, scoped to the current collectivité. Errors are Problem Details (a query
 * longer than {@value TagSuggestions#MAX_QUERY} characters: 400; an account of another collectivité: 404).
 */
@RestController
class ComposerSuggestionsController {

    private final TagSuggestions suggestions;
    private final MessageSource messages;

    ComposerSuggestionsController(TagSuggestions suggestions, MessageSource messages) {
        this.suggestions = suggestions;
        this.messages = messages;
    }

    /** One suggestion as the browser shows it: the value inserted and a short description. */
    record Item(String value, String kind, String detail) {
    }

    @GetMapping(value = "/publier/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Item>> suggest(@RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "compte", required = false) String account) {
        UUID accountId = account == null || account.isBlank() ? null : Ids.parse(account);
        Locale locale = LocaleContextHolder.getLocale();
        List<Item> items = suggestions.suggest(query, accountId).stream().map(s -> new Item(s.value(),
                s.kind().name().toLowerCase(Locale.ROOT), detail(s, locale))).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(items);
    }

    private String detail(TagSuggestions.Suggestion s, Locale locale) {
        String uses = messages.getMessage("publishing.suggestions.uses", new Object[] {s.uses()}, locale);
        if (!s.ownAccount()) {
            return uses;
        }
        String network = messages.getMessage("network." + s.network(), null, s.network().name(), locale);
        String own = messages.getMessage("publishing.suggestions.own", new Object[] {network}, locale);
        return s.uses() == 0 ? own : own + ", " + uses;
    }
}
