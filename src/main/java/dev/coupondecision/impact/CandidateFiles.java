package dev.coupondecision.impact;

import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a candidate ruleset from a base one and uploaded files. */
public final class CandidateFiles {

    private CandidateFiles() {
    }

    /** The base files with each upload replacing the file of the same name, or added when there is none. */
    public static RuleFileSet overlay(RuleFileSet base, List<RuleFile> uploads) {
        Map<String, RuleFile> byName = new LinkedHashMap<>();
        base.files().forEach(file -> byName.put(file.name(), file));
        uploads.forEach(file -> byName.put(file.name(), file));
        return RuleFileSet.of(new ArrayList<>(byName.values()));
    }
}
