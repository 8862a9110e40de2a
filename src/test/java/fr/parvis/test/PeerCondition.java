package fr.parvis.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresPeer}. */
class PeerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresPeer> annotation = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresPeer.class));
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no outside peer needed");
        }
        List<String> missing = new ArrayList<>();
        for (Peer peer : annotation.get().value()) {
            peer.missing().ifPresent(missing::add);
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("peers available");
        }
        String reason = String.join("; ", missing);
        if (Peer.requireAll()) {
            throw new IllegalStateException("PARVIS_TEST_REQUIRE_ALL=true but a peer is missing: " + reason);
        }
        System.err.println("[SKIPPED] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
