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
}
