package fr.parvis.territory.web;

import fr.parvis.territory.PasswordChange;
import fr.parvis.territory.ProfileChanges;

/** Forms of the "my account" page. */
final class AccountForms {

    private AccountForms() {
    }

    /** Profile form (field names follow {@link ProfileChanges}). */
    public static class Profile {

        private String displayName;
        private String locale;

        ProfileChanges toChanges() {
            return new ProfileChanges(displayName, locale);
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getLocale() {
            return locale;
        }

        public void setLocale(String locale) {
            this.locale = locale;
        }
    }

    /** Password form (field names follow {@link PasswordChange}). */
    public static class Password {

        private String currentPassword;
        private String newPassword;
        private String confirmation;

        PasswordChange toChange() {
            return new PasswordChange(currentPassword, newPassword, confirmation);
        }

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getConfirmation() {
            return confirmation;
        }

        public void setConfirmation(String confirmation) {
            this.confirmation = confirmation;
        }
    }
}
