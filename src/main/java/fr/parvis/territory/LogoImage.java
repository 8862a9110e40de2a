package fr.parvis.territory;

/** A collectivité's logo, ready to serve. */
public record LogoImage(String contentType, byte[] content, String sha256) {
}
