package fr.parvis.channels.web;

import fr.parvis.channels.feeds.FeedKind;

/** Forms of the RSS/Atom sources pages (field names follow the management service's parameters). */
final class FeedForms {

    private FeedForms() {
    }

    /** Subscribing a feed, or changing its kind and label ({@code url} then unused). */
    public static class Subscribe {

        private String url;
        private FeedKind kind = FeedKind.CITY_NEWS;
        private String label;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public FeedKind getKind() {
            return kind;
        }

        public void setKind(FeedKind kind) {
            this.kind = kind;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }
    }
}
