package fr.parvis.channels.web;

/** Forms of the social accounts pages (field names follow the management service's parameters). */
final class AccountForms {

    private AccountForms() {
    }

    /** One-click connection (Sandbox). */
    public static class OneClick {

        private String handle;
        private String displayName;
        private String community;

        public String getHandle() {
            return handle;
        }

        public void setHandle(String handle) {
            this.handle = handle;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getCommunity() {
            return community;
        }

        public void setCommunity(String community) {
            this.community = community;
        }
    }

    /** Connection with an identifier and an app password (Bluesky). */
    public static class AppPassword {

        private String identifier;
        private String appPassword;
        private String server;
        private String community;

        public String getIdentifier() {
            return identifier;
        }

        public void setIdentifier(String identifier) {
            this.identifier = identifier;
        }

        public String getAppPassword() {
            return appPassword;
        }

        public void setAppPassword(String appPassword) {
            this.appPassword = appPassword;
        }

        public String getServer() {
            return server;
        }

        public void setServer(String server) {
            this.server = server;
        }

        public String getCommunity() {
            return community;
        }

        public void setCommunity(String community) {
            this.community = community;
        }
    }

    /** OAuth connection (Mastodon): the instance, then a visit to it. */
    public static class OAuth {

        private String server;
        private String community;

        public String getServer() {
            return server;
        }

        public void setServer(String server) {
            this.server = server;
        }

        public String getCommunity() {
            return community;
        }

        public void setCommunity(String community) {
            this.community = community;
        }
    }

    /** The community an account serves. */
    public static class Community {

        private String community;

        public String getCommunity() {
            return community;
        }

        public void setCommunity(String community) {
            this.community = community;
        }
    }
}
