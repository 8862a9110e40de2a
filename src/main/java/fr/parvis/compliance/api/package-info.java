/** REST API {@code /api/v1/audit}: reading the audit trail of the current collectivité. */
package fr.parvis.compliance.api;
