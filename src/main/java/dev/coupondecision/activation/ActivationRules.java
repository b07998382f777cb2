package dev.coupondecision.activation;

import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.store.StoredVersion;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Who may make a stored version serve, and why not: only a version that passed the gate, not by the analyst who
 * handed it in (four eyes, unless coupon.store.four-eyes=false), and always with a reason of 1 to 2000 characters.
 * The API and the console ask here and each answer in its own form.
 */
@ApplicationScoped
public class ActivationRules {
    public static final int MAX_COMMENT = 2000;

    /** Why an activation is refused, in words for the person who tried. */
    public enum Refusal {
        REJECTED("This version did not pass the gate (lint, compile, scenarios) and cannot serve."),
        FOUR_EYES("You handed in this version; another approver must activate it (coupon.store.four-eyes)."),
        NO_COMMENT("Say why this version should serve (1 to " + MAX_COMMENT + " characters).");

        private final String sentence;

        Refusal(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    private final boolean fourEyes;

    public ActivationRules(DecisionConfig config) {
        this.fourEyes = config.store().fourEyes();
    }

    /** Whether four eyes keep {@code approver} from activating {@code version}: they handed it in. */
    public boolean handedInBy(StoredVersion version, String approver) {
        return fourEyes && version.createdBy().equals(approver);
    }

    /** The first reason {@code approver} may not activate {@code version} with {@code comment}, if any. */
    public Optional<Refusal> refusal(StoredVersion version, String approver, String comment) {
        if (version.state() == StoredVersion.State.REJECTED) {
            return Optional.of(Refusal.REJECTED);
        }
        if (handedInBy(version, approver)) {
            return Optional.of(Refusal.FOUR_EYES);
        }
        String why = comment == null ? "" : comment.strip();
        if (why.isEmpty() || why.length() > MAX_COMMENT) {
            return Optional.of(Refusal.NO_COMMENT);
        }
        return Optional.empty();
    }
}
