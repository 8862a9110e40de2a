/**
 * Territory: the collectivités (the tenants) and their hierarchy, user accounts, memberships and
 * roles, delegations from a commune to its EPCI, municipal services and personal access tokens.
 */
@ApplicationModule(displayName = "Territory")
package fr.parvis.territory;

import org.springframework.modulith.ApplicationModule;
