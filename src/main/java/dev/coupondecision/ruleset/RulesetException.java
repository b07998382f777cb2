package dev.coupondecision.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that must not serve: carries every error found, each pointing at its file and cell or line. */
public class RulesetException extends RuntimeException {
    private final transient List<Finding> findings;

    public RulesetException(List<Finding> findings) {
        super(findings.stream().map(Finding::toString).collect(Collectors.joining("\n  ", "ruleset rejected:\n  ", "")));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
