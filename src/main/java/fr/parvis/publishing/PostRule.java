package fr.parvis.publishing;

import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Variant;
import java.util.List;

/**
 * A family of pre-publication checks (accessibility, pre-election period, media). Each is a bean;
 * {@link PostChecks} runs them all.
 */
interface PostRule {

    List<CheckFinding> check(Post post, List<Variant> variants);

    /**
     * The errors that still forbid the network call at publication time (a freeze that began, a
     * medium archived since). Warnings were acknowledged at submission: rules whose warnings are
     * costly to compute skip them here.
     */
    default List<CheckFinding> blockersAtPublication(Post post, List<Variant> variants) {
        return check(post, variants).stream().filter(CheckFinding::error).toList();
    }
}
