package dev.coupondecision.cli;

import dev.coupondecision.ruleset.RuleFileSet;

/** The ruleset a candidate is compared with, and where it came from in words ("the last commit (1a2b3c4d ...)"). */
record Baseline(String description, RuleFileSet files) {
}
