package fr.parvis.territory.access;

import fr.parvis.shared.tenancy.TenantAuthentication;

/**
 * What Parvis's own authentications share: they are built already authenticated, carry no
 * credentials or details, and cannot be de-authenticated in place (log out instead).
 */
abstract class BuiltAuthentication implements TenantAuthentication {

    @Override
    public final Object getCredentials() {
        return null;
    }

    @Override
    public final Object getDetails() {
        return null;
    }

    @Override
    public final boolean isAuthenticated() {
        return true;
    }

    @Override
    public final void setAuthenticated(boolean authenticated) {
        throw new UnsupportedOperationException("Built authenticated; log out instead of de-authenticating");
    }
}
