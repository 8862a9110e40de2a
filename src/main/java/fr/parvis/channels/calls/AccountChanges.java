package fr.parvis.channels.calls;

import fr.parvis.channels.SocialAccountConnected;
import fr.parvis.channels.domain.SocialAccount;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells {@link AccountCalls} to read an account again when it changes on this node: state, rate
 * limit, reconnection with new credentials. Entity listener of {@link SocialAccount} (Hibernate
 * takes it from the Spring context) and listener of {@link SocialAccountConnected}. Forgets at
 * once and again when the transaction ends, so that a call reading the account between the change
 * and the commit does not keep the old state.
 */
@Component
public class AccountChanges {

    private final ObjectProvider<AccountCalls> calls;

    AccountChanges(ObjectProvider<AccountCalls> calls) {
        this.calls = calls;
    }

    @PostUpdate
    @PostRemove
    void changed(SocialAccount account) {
        forget(account.id());
    }

    @EventListener
    void connected(SocialAccountConnected event) {
        forget(event.accountId());
    }

    private void forget(UUID accountId) {
        AccountCalls target = calls.getIfAvailable();
        if (target == null) {
            return;
        }
        target.forget(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    target.forget(accountId);
                }
            });
        }
    }
}
