package fr.parvis.publishing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Forms of the crisis pages (field names follow the management service's parameters). */
final class CrisisForms {

    private CrisisForms() {
    }

    /** Starting crisis mode. */
    public static class Start {

        private String reason;
        private boolean members;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public boolean isMembers() {
            return members;
        }

        public void setMembers(boolean members) {
            this.members = members;
        }
    }

    /** Editing a template. */
    public static class Template {

        private String title;
        private String body;

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
    }

    /** Publishing an alert: the template, its placeholders' values, the accounts. */
    public static class Alert {

        private String templateCode;
        private String commune;
        private String date;
        private String heure;
        private String details;
        private String numeroInfo;
        private List<UUID> accountIds = new ArrayList<>();

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            put(values, "commune", commune);
            put(values, "date", date);
            put(values, "heure", heure);
            put(values, "details", details);
            put(values, "numero_info", numeroInfo);
            return values;
        }

        private static void put(Map<String, String> values, String key, String value) {
            if (value != null) {
                values.put(key, value);
            }
        }

        public String getTemplateCode() {
            return templateCode;
        }

        public void setTemplateCode(String templateCode) {
            this.templateCode = templateCode;
        }

        public String getCommune() {
            return commune;
        }

        public void setCommune(String commune) {
            this.commune = commune;
        }

        public String getDate() {
            return date;
        }

        public void setDate(String date) {
            this.date = date;
        }

        public String getHeure() {
            return heure;
        }

        public void setHeure(String heure) {
            this.heure = heure;
        }

        public String getDetails() {
            return details;
        }

        public void setDetails(String details) {
            this.details = details;
        }

        public String getNumeroInfo() {
            return numeroInfo;
        }

        public void setNumeroInfo(String numeroInfo) {
            this.numeroInfo = numeroInfo;
        }

        public List<UUID> getAccountIds() {
            return accountIds;
        }

        public void setAccountIds(List<UUID> accountIds) {
            this.accountIds = accountIds == null ? new ArrayList<>() : accountIds;
        }
    }
}
