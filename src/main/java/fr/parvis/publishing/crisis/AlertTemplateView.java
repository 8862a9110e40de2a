package fr.parvis.publishing.crisis;

import java.time.Instant;
import java.util.List;

/**
 * An alert template: the shipped text, or the collectivité's copy pre-approved by
 * {@code approvedByName} on {@code approvedAt}.
 *
 * @param placeholders the placeholders its text uses, in order ({@code commune}, {@code date}…)
 * @param shipped whether it is the text shipped with Parvis (never edited by the collectivité)
 */
public record AlertTemplateView(String code, String title, String body, List<String> placeholders, boolean shipped,
        String approvedByName, Instant approvedAt) {

    public AlertTemplateView {
        placeholders = List.copyOf(placeholders);
    }
}
