/**
 * REST API {@code /api/v1} of the channels module: social accounts (and, for the Sandbox, the
 * audience). Controllers only call the module's management services.
 */
package fr.parvis.channels.api;
