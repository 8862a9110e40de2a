/**
 * Compliance: the append-only audit trail every module writes to (who did what, when, on which
 * object, from which address). Election calendar, reserve-period rules, retention and archive
 * export (SEDA) come later.
 */
@ApplicationModule(displayName = "Compliance")
package fr.parvis.compliance;

import org.springframework.modulith.ApplicationModule;
