/**
 * REST API {@code /api/v1} of the territory module: the caller, collectivités, memberships,
 * municipal services, personal access tokens and delegations. Controllers only call the module's
 * management services, exactly as the interface does.
 */
package fr.parvis.territory.api;
