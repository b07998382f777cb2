package dev.coupondecision.ruleset;

import org.drools.core.common.InternalWorkingMemory;
import org.drools.kiesession.agenda.DefaultAgenda;
import org.kie.api.runtime.KieSession;

/**
 * Works around a Drools 10.2 bug in reusing a session: {@code KieSession.reset()} restarts the recency of facts at 0
 * but leaves each activation group's {@code triggeredForRecency} at the value of the previous decision. The agenda
 * then takes new matches for stale ones ({@code addItemToActivationGroup} skips them), they never join their group,
 * and several rows of one first-hit table fire (8 % of decisions wrong on the shipped rules). Setting the field back
 * to 0 after the reset, as a new session has it, gives the same answers as a new session.
 *
 * <p>Internal API on purpose and in one place: {@code ActivationGroupRecencyFixTest} fails when this is removed, and
 * tells when a Drools release no longer needs it.
 */
final class ActivationGroupRecencyFix {

    private ActivationGroupRecencyFix() {
    }

    static void afterReset(KieSession session) {
        if (((InternalWorkingMemory) session).getAgenda() instanceof DefaultAgenda agenda) {
            agenda.getActivationGroupsMap().values().forEach(group -> group.setTriggeredForRecency(0));
        } else {
            throw new IllegalStateException("Drools' agenda is not a DefaultAgenda any more: check the reset bug again");
        }
    }
}
