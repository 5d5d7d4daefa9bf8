package io.loyaltyhub.domain.persistence;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Hibernate's tenant resolver, deliberately without ambient state: there is no "current" merchant.
 * A session names its merchant explicitly ({@link Database#openMerchantSession}); only the operator's
 * explicitly opened sessions ({@link Database#openOperatorSession}) use the root identifier that
 * sees across merchants. A session opened without either has no tenant and Hibernate refuses it.
 */
final class OperatorTenant implements CurrentTenantIdentifierResolver<Long> {
    static final Long ROOT = 0L;

    @Override
    public Long resolveCurrentTenantIdentifier() {
        return null;
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public boolean isRoot(Long tenantId) {
        return ROOT.equals(tenantId);
    }
}
