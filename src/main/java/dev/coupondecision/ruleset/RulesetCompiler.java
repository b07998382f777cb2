package dev.coupondecision.ruleset;

import dev.coupondecision.ruleset.guard.DrlGuard;
import dev.coupondecision.ruleset.guard.RuleClassLoader;
import dev.coupondecision.ruleset.table.UnreadableWorkbookException;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a {@link RuleFileSet} into a {@link CompiledRuleset}: DRL files as they are, spreadsheets through
 * the DRL Drools generates from each sheet. Every error is reported against the file the analyst or
 * developer wrote (file, sheet and row; or file and line), never against generated code alone.
 */
public final class RulesetCompiler {
    /** Every ruleset is compiled and runs with a class loader that shows rule code only the facts and the engine. */
    private static final ClassLoader RULE_CLASS_LOADER = new RuleClassLoader(RulesetCompiler.class.getClassLoader());
    private final Clock clock;
    private final WorkbookLimits limits;

    public RulesetCompiler(Clock clock, WorkbookLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    public CompiledRuleset compile(RuleFileSet files) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RULE_CLASS_LOADER));
        Map<String, TranslatedSheet> sheetsByPath = new HashMap<>();
        List<Finding> errors = new ArrayList<>();
        for (RuleFile file : files.files()) {
            try {
                addToBuilder(builder, file, sheetsByPath);
            } catch (RulesetException e) {
                errors.addAll(e.findings());
            } catch (UnreadableWorkbookException e) {
                errors.add(Finding.inDrl(Finding.Severity.ERROR, file.name(), null, null, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            // nothing refused by the guard reaches the compiler
            throw new RulesetException(List.copyOf(new LinkedHashSet<>(errors)));
        }
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            errors.add(locate(result, sheetsByPath));
        }
        if (!errors.isEmpty()) {
            throw new RulesetException(List.copyOf(new LinkedHashSet<>(errors)));
        }
        KieBase kieBase = builder.newKieBase();
        Map<Rule, FiredRule> firedRuleByRule = new IdentityHashMap<>();
        Map<String, RuleLocation> locations = new HashMap<>();
        Map<String, Integer> rulesPerSource = new TreeMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String path = sourcePathOf(rule);
                TranslatedSheet sheet = sheetsByPath.get(path);
                RuleLocation location = sheet == null ? new RuleLocation(path, null, null)
                        : new RuleLocation(sheet.file(), sheet.sheet(), "row " + sheet.rowByRule().get(rule.getName()));
                String source = sheet == null ? path + " › " + rule.getName()
                        : location.file() + " › " + location.sheet() + " › " + location.cell();
                firedRuleByRule.put(rule, new FiredRule(rule.getName(), source));
                locations.put(source, location);
                rulesPerSource.merge(sheet == null ? path : sheet.file() + " › " + sheet.sheet(), 1, Integer::sum);
            }
        }
        return new CompiledRuleset(files, clock.instant(), rulesPerSource, kieBase, firedRuleByRule, locations);
    }

    /**
     * Adds a file to the builder only when the code guard accepts all of it (for a table: all the DRL generated from
     * each of its sheets); otherwise throws the guard's findings, at the line of the DRL or the cell of the table.
     */
    private void addToBuilder(KnowledgeBuilder builder, RuleFile file, Map<String, TranslatedSheet> sheetsByPath) {
        switch (file.kind()) {
            case DRL -> {
                limits.problemWith(file.name(), false, file.content()).ifPresent(tooLarge -> guard(List.of(
                        Finding.inDrl(Finding.Severity.ERROR, file.name(), null, null, tooLarge))));
                String drl = new String(file.content(), StandardCharsets.UTF_8);
                guard(DrlGuard.check(drl).stream().map(r -> Finding.inDrl(Finding.Severity.ERROR, file.name(), r.line(),
                        r.column(), "rule code refused: " + r.message())).toList());
                builder.add(resource(file.content(), file.name()), ResourceType.DRL);
            }
            case XLSX -> {
                List<TranslatedSheet> sheets = SheetTranslator.translate(file.name(), file.workbook(limits));
                List<Finding> refused = new ArrayList<>();
                for (TranslatedSheet sheet : sheets) {
                    DrlGuard.check(sheet.drl()).forEach(r -> refused.add(CellLocator.locateRefusal(sheet, r.line(),
                            "rule code refused: " + r.message())));
                }
                guard(refused);
                for (TranslatedSheet sheet : sheets) {
                    sheetsByPath.put(sheet.sourcePath(), sheet);
                    builder.add(resource(sheet.drl().getBytes(StandardCharsets.UTF_8), sheet.sourcePath()), ResourceType.DRL);
                }
            }
        }
    }

    private static void guard(List<Finding> refused) {
        if (!refused.isEmpty()) {
            throw new RulesetException(refused);
        }
    }

    private static Resource resource(byte[] content, String sourcePath) {
        Resource resource = ResourceFactory.newByteArrayResource(content);
        resource.setSourcePath(sourcePath);
        return resource;
    }

    private static String sourcePathOf(Rule rule) {
        Resource resource = rule instanceof RuleImpl impl ? impl.getResource() : null;
        return resource == null || resource.getSourcePath() == null ? rule.getPackageName() : resource.getSourcePath();
    }

    private static Finding locate(KnowledgeBuilderResult result, Map<String, TranslatedSheet> sheetsByPath) {
        String path = result.getResource() == null ? "(unknown file)" : result.getResource().getSourcePath();
        int[] lines = result.getLines();
        Integer line = lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : null;
        String message = result.getMessage().trim();
        TranslatedSheet sheet = sheetsByPath.get(path);
        if (sheet == null) {
            // the parser counts columns from 0; findings count them from 1, as editors do
            Integer column = result instanceof ParserError parserError && parserError.getCol() >= 0 ? parserError.getCol() + 1 : null;
            return Finding.inDrl(Finding.Severity.ERROR, path, line, column, message);
        }
        return CellLocator.locate(sheet, line, message);
    }
}
