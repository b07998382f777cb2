package dev.coupondecision.impact;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.tables.TableEdit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The shipped rules with one cell of one shipped table changed, compiled for engine-level impact tests. */
final class EditedRulesets {

    private EditedRulesets() {
    }

    static CompiledRuleset withCell(String table, String rule, String title, Object value) {
        byte[] edited = TableEdit.setCell(ReferenceRuleset.TABLES.resolve(table), rule, title, value);
        RuleFileSet files = CandidateFiles.overlay(ReferenceRuleset.get().files(),
                List.of(RuleFileSet.file(table, RuleFile.Kind.XLSX, edited)));
        return new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT).compile(files);
    }
}
