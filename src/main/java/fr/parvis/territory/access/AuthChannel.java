package fr.parvis.territory.access;

/** How an agent reached Parvis. */
public enum AuthChannel {
    /** Browser session after a password login. */
    PASSWORD,
    /** Browser session after an OpenID Connect login. */
    OIDC,
    /** A personal access token on the API. */
    API_TOKEN
}
