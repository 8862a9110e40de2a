package fr.parvis.shared.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values computed once per transaction: a check that runs for many posts in one transaction (a
 * batch of publications) reads the same settings and calendar once. Only for reads that the
 * transaction itself does not change; outside a transaction the value is computed each time.
 */
public final class TransactionMemo {

    private static final Object RESOURCE = new Object();

    private TransactionMemo() {
    }

    /** The value of {@code key} in the current transaction, computed by {@code compute} the first time. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> compute) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return compute.get();
        }
        Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
        if (memo == null) {
            Map<Object, Object> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(RESOURCE, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
                }
            });
            memo = created;
        }
        if (memo.containsKey(key)) {
            return (T) memo.get(key);
        }
        T value = compute.get();
        memo.put(key, value);
        return value;
    }
}
