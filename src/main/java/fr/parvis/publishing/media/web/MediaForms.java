package fr.parvis.publishing.media.web;

import org.springframework.web.multipart.MultipartFile;

/** Forms of the media library pages (field names follow {@code MediaUpload}). */
final class MediaForms {

    private MediaForms() {
    }

    /** Adding a file. */
    public static class Upload {

        private MultipartFile file;
        private String altText;
        private MultipartFile subtitles;
        private boolean burnedInSubtitles;

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }

        public String getAltText() {
            return altText;
        }

        public void setAltText(String altText) {
            this.altText = altText;
        }

        public MultipartFile getSubtitles() {
            return subtitles;
        }

        public void setSubtitles(MultipartFile subtitles) {
            this.subtitles = subtitles;
        }

        public boolean isBurnedInSubtitles() {
            return burnedInSubtitles;
        }

        public void setBurnedInSubtitles(boolean burnedInSubtitles) {
            this.burnedInSubtitles = burnedInSubtitles;
        }
    }

    /** Changing the alternative text. */
    public static class Describe {

        private String altText;

        public String getAltText() {
            return altText;
        }

        public void setAltText(String altText) {
            this.altText = altText;
        }
    }
}
