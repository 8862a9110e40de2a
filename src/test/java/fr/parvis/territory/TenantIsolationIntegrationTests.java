package fr.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.shared.NotFoundException;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.domain.MunicipalServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tenant isolation at the service and repository level: whatever the caller asks, the rows of
 * another collectivité are invisible (the same "not found" as a missing id).
 */
@IntegrationTest
class TenantIsolationIntegrationTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    MunicipalServiceManagement services;

    @Autowired
    MemberManagement members;

    @Autowired
    MunicipalServices serviceRepository;

    Tenant a;
    Tenant b;
    MunicipalServiceView serviceOfB;

    @BeforeEach
    void twoCommunes() {
        a = tenants.commune();
        b = tenants.commune();
        tenants.as(a.admin(), () -> services.create(new ServiceDraft("Voirie", null, null)));
        serviceOfB = tenants.as(b.admin(), () -> services.create(new ServiceDraft("Propreté", null, null)));
    }

    @Test
    void listsShowOnlyTheCurrentCollectivite() {
        assertThat(tenants.as(a.admin(), services::list)).extracting(MunicipalServiceView::name).containsExactly("Voirie");
        assertThat(tenants.as(a.admin(), members::list)).extracting(MemberView::email).containsExactly(a.admin().email());
    }

    @Test
    void anotherCollectivitesObjectIsNotFound() {
        assertThatThrownBy(() -> tenants.as(a.admin(), () -> services.get(serviceOfB.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tenants.as(a.admin(), () -> services.setActive(serviceOfB.id(), false)))
                .isInstanceOf(NotFoundException.class);
        assertThat(tenants.as(b.admin(), () -> services.get(serviceOfB.id())).active()).isTrue();
    }

    @Test
    void repositoriesAreFilteredEvenWhenCalledDirectly() {
        assertThat(tenants.as(a.admin(), () -> serviceRepository.findById(serviceOfB.id()))).isEmpty();
        assertThat(tenants.as(a.admin(), () -> serviceRepository.findAll())).hasSize(1);
        assertThat(tenants.as(b.admin(), () -> serviceRepository.findById(serviceOfB.id()))).isPresent();
    }

    @Test
    void withoutAnyAuthenticationNothingIsVisible() {
        assertThat(serviceRepository.findById(serviceOfB.id())).isEmpty();
        assertThat(serviceRepository.count()).isZero();
    }
}
