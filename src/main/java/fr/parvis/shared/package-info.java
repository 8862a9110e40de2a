/**
 * Shared kernel: typed ids, the tenancy kernel (the one place where every query is scoped to the
 * current collectivité), domain errors and small value types. No business services.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Shared kernel")
package fr.parvis.shared;

import org.springframework.modulith.ApplicationModule;
