/**
 * RSS/Atom sources of a collectivité: subscription ({@link fr.parvis.channels.feeds.FeedSourceManagement}),
 * polling by a db-scheduler task, the items read ({@link fr.parvis.channels.feeds.FeedItemView}) and
 * the event {@link fr.parvis.channels.feeds.FeedItemDiscovered} published once per new item, for the
 * modules that turn items into draft posts. See docs/connectors-feeds.md.
 */
@NamedInterface("feeds")
package fr.parvis.channels.feeds;

import org.springframework.modulith.NamedInterface;
