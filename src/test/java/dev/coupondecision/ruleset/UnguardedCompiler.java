package dev.coupondecision.ruleset;

import dev.coupondecision.ruleset.guard.RuleClassLoader;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * For the security tests' controls only: compiles rule files the way plain Drools would, without the code
 * guard, optionally with the restricted class loader. A payload that runs here but not through
 * {@link RulesetCompiler} proves the guard (or the class loader) stopped it, not a dud payload.
 */
public final class UnguardedCompiler {

    private UnguardedCompiler() {
    }

    /** Plain Drools with the application's class loader: what the service would run without any guard. */
    public static CompiledRuleset compile(RuleFileSet files) {
        return compile(files, UnguardedCompiler.class.getClassLoader());
    }

    /** Without the guard, but with the class loader the service compiles rules with. */
    public static CompiledRuleset compileWithRuleClassLoader(RuleFileSet files) {
        return compile(files, new RuleClassLoader(UnguardedCompiler.class.getClassLoader()));
    }

    private static CompiledRuleset compile(RuleFileSet files, ClassLoader classLoader) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        for (RuleFile file : files.files()) {
            if (file.kind() == RuleFile.Kind.DRL) {
                builder.add(ResourceFactory.newByteArrayResource(file.content()), ResourceType.DRL);
            } else {
                for (TranslatedSheet sheet : SheetTranslator.translate(file.name(), file.workbook(WorkbookLimits.DEFAULT))) {
                    builder.add(ResourceFactory.newByteArrayResource(sheet.drl().getBytes(StandardCharsets.UTF_8)),
                            ResourceType.DRL);
                }
            }
        }
        if (builder.hasErrors()) {
            throw new IllegalStateException("does not compile: " + builder.getErrors());
        }
        KieBase kieBase = builder.newKieBase();
        Map<Rule, FiredRule> fired = new IdentityHashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                fired.put(rule, new FiredRule(rule.getName(), rule.getPackageName()));
            }
        }
        return new CompiledRuleset(files, Instant.now(), Map.of(), kieBase, fired, Map.of());
    }
}
