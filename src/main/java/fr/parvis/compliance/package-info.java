/**
 * Compliance: the append-only audit trail every module writes to (who did what, when, on which
 * object, from which address); the election calendar ({@link fr.parvis.compliance.ElectionManagement})
 * and the reserve-period rules of the Code électoral ({@link fr.parvis.compliance.ElectionCalendar}).
 * Retention and archive export (SEDA) come later.
 */
@ApplicationModule(displayName = "Compliance")
package fr.parvis.compliance;

import org.springframework.modulith.ApplicationModule;
