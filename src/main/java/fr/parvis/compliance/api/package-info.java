/**
 * REST API of compliance: {@code /api/v1/audit} (reading the audit trail) and {@code /api/v1/elections}
 * (the election calendar and the reserve situation of the current collectivité).
 */
package fr.parvis.compliance.api;
