/**
 * Who is acting: the authentications Parvis puts in the security context (an agent in one
 * collectivité, or the platform itself), permission checks, and the entry points used by the
 * security configuration (password, OIDC and API-token authentication).
 */
@NamedInterface("access")
package fr.parvis.territory.access;

import org.springframework.modulith.NamedInterface;
