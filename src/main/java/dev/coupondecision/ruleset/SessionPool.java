package dev.coupondecision.ruleset;

import dev.coupondecision.decision.facts.ContactHistory;
import dev.coupondecision.decision.facts.Customer;
import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.SendWindowSlot;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs decisions in sessions of one knowledge base that are reset and used again, instead of building a session
 * (its working memory and segment memories) for every decision. A session serves one decision at a time; as many
 * are kept as decisions ran at once, up to {@link #MAX_IDLE}. A session whose decision failed is thrown away, since
 * its state is unknown. After each reset {@link ActivationGroupRecencyFix} undoes what Drools' reset leaves behind.
 */
final class SessionPool {
    /** The decision flow: the agenda groups in the order they run (the focus is a stack: pushed last, runs first). */
    static final List<String> FLOW = List.of("segment", "offer", "eligibility");
    /** More idle sessions than this are disposed: far more than the threads that decide at once. */
    static final int MAX_IDLE = 64;

    private final KieBase kieBase;
    private final FiredRuleRecorder recorder;
    private final boolean fixRecency;
    private final Queue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SessionPool(KieBase kieBase, FiredRuleRecorder recorder, boolean fixRecency) {
        this.kieBase = kieBase;
        this.recorder = recorder;
        this.fixRecency = fixRecency;
    }

    RuleOutcome evaluate(Customer customer, ContactHistory history) {
        Decision decision = new Decision();
        SendWindowSlot weekday = new SendWindowSlot(DayType.WEEKDAY);
        SendWindowSlot weekend = new SendWindowSlot(DayType.WEEKEND);
        List<FiredRule> fired = new ArrayList<>(12);
        KieSession session = take();
        boolean clean = false;
        recorder.begin(fired, new OutputWatch(decision, weekday, weekend));
        try {
            session.insert(customer);
            session.insert(history);
            session.insert(decision);
            session.insert(weekday);
            session.insert(weekend);
            for (int i = FLOW.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(FLOW.get(i)).setFocus();
            }
            session.fireAllRules();
            clean = true;
        } finally {
            recorder.end();
            giveBack(session, clean);
        }
        return new RuleOutcome(decision, weekday, weekend, fired);
    }

    /** Disposes the idle sessions (the knowledge base keeps every session it made until it is disposed). */
    void close() {
        for (KieSession session = idle.poll(); session != null; session = idle.poll()) {
            idleCount.decrementAndGet();
            session.dispose();
        }
    }

    KieBase kieBase() {
        return kieBase;
    }

    private KieSession take() {
        KieSession session = idle.poll();
        if (session != null) {
            idleCount.decrementAndGet();
            return session;
        }
        KieSession fresh = kieBase.newKieSession();
        fresh.addEventListener((AgendaEventListener) recorder);
        fresh.addEventListener((RuleRuntimeEventListener) recorder);
        return fresh;
    }

    private void giveBack(KieSession session, boolean clean) {
        if (!clean || idleCount.get() >= MAX_IDLE) {
            session.dispose();
            return;
        }
        ((StatefulKnowledgeSessionImpl) session).reset(); // not in KieSession's API; Drools' KieSessionsPool does the same
        if (fixRecency) {
            ActivationGroupRecencyFix.afterReset(session);
        }
        session.addEventListener((AgendaEventListener) recorder); // reset() removes the listeners
        session.addEventListener((RuleRuntimeEventListener) recorder);
        idleCount.incrementAndGet();
        idle.offer(session);
    }
}
