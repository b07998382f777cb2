package dev.coupondecision.ruleset.guard;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonTokenStream;
import org.antlr.runtime.RecognitionException;
import org.drools.compiler.rule.builder.dialect.java.parser.JavaBlockDescr;
import org.drools.compiler.rule.builder.dialect.java.parser.JavaContainerBlockDescr;
import org.drools.compiler.rule.builder.dialect.java.parser.JavaLexer;
import org.drools.compiler.rule.builder.dialect.java.parser.JavaModifyBlockDescr;
import org.drools.compiler.rule.builder.dialect.java.parser.JavaParser;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security gate in front of the rules compiler: parses a DRL text with Drools' own parser (the one the
 * compiler uses) and accepts only what the allowlist knows: imports of the facts package; rules whose patterns
 * are fact types; constraints, {@code from} sources and consequences made of literals, operators, the rule's
 * variables and the facts' API ({@link CodeCheck}); {@code insert} and {@code modify}; plain rule attributes.
 * Functions, globals, queries, type declarations, {@code eval}, accumulate, entry points, annotations and
 * expression-valued attributes are refused. The same check runs on uploaded DRL, on watched folders and on
 * the DRL generated from every decision table, so nothing reaches the compiler unchecked.
 */
public final class DrlGuard {
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=", "contains", "memberOf",
            "matches");
    private static final Set<String> NAME_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group");
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus");
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    /** A part of the DRL the allowlist refuses, at its 1-based line and column (null when unknown). */
    public record Refusal(Integer line, Integer column, String message) {
    }

    private final String[] lines;
    private final List<Refusal> findings = new ArrayList<>();

    private DrlGuard(String drl) {
        this.lines = drl.split("\n", -1);
    }

    /** Every part of {@code drl} that the allowlist refuses, at its line and column; empty when all is allowed. */
    public static List<Refusal> check(String drl) {
        DrlGuard guard = new DrlGuard(drl);
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(null, drl);
        } catch (DroolsParserException e) {
            guard.error(e.getLineNumber(), e.getColumn() + 1, "the rules cannot be parsed: " + e.getMessage());
            return guard.findings;
        }
        if (parser.hasErrors() || pkg == null) {
            parser.getErrors().forEach(e -> {
                int[] lines = e.getLines();
                guard.error(lines.length > 0 ? lines[0] : 0, e instanceof ParserError p ? p.getCol() + 1 : 0,
                        "the rules cannot be parsed: " + e.getMessage());
            });
            return guard.findings;
        }
        guard.checkPackage(pkg);
        return List.copyOf(new LinkedHashSet<>(guard.findings));
    }

    private void checkPackage(PackageDescr pkg) {
        for (ImportDescr imported : pkg.getImports()) {
            if (!FactsApi.isAllowedImport(imported.getTarget())) {
                error(imported, "import '" + imported.getTarget().replaceAll("\\s+", "") + "' is outside the decision facts; only "
                        + FactsApi.PACKAGE + ".* and its types may be imported");
            }
        }
        refuseAll(pkg.getFunctionImports(), "'import function' is not allowed");
        refuseAll(pkg.getAccumulateImports(), "'import accumulate' is not allowed");
        refuseAll(pkg.getGlobals(), "globals are not allowed; rules see only the decision facts");
        refuseAll(pkg.getFunctions(), "functions are not allowed; use the methods of the decision facts");
        refuseAll(pkg.getTypeDeclarations(), "'declare' is not allowed; the fact types are fixed by the service");
        refuseAll(pkg.getEnumDeclarations(), "'declare enum' is not allowed; the fact types are fixed by the service");
        refuseAll(new ArrayList<>(pkg.getEntryPointDeclarations()), "entry points are not allowed");
        refuseAll(new ArrayList<>(pkg.getWindowDeclarations()), "windows are not allowed");
        if (pkg.getUnit() != null) {
            error(pkg.getUnit(), "rule units are not allowed");
        }
        pkg.getAttributes().forEach(this::checkAttribute);
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(rule);
        }
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            error(rule, "queries are not allowed");
            return;
        }
        refuseAnnotations(rule);
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            checkAttribute(attribute.getValue());
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            error(rule, "named consequences (then[...]) are not allowed");
        }
        Set<String> bound = new LinkedHashSet<>();
        checkElement(rule.getLhs(), bound);
        if (rule.getConsequence() instanceof String consequence) {
            checkConsequence(consequence, startOfConsequence(rule), bound);
        }
    }

    private void checkAttribute(AttributeDescr attribute) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().trim();
        boolean ok = switch (name) {
            case "salience" -> WHOLE_NUMBER.matcher(value).matches();
            case "dialect" -> value.equals("java") || value.equals("mvel");
            case "enabled" -> value.equals("true") || value.equals("false");
            default -> NAME_ATTRIBUTES.contains(name) ? GROUP_NAME.matcher(value).matches()
                    : BOOLEAN_ATTRIBUTES.contains(name) && (value.isEmpty() || value.equals("true") || value.equals("false"));
        };
        if (!ok) {
            error(attribute, "rule attribute '" + name + (value.isEmpty() ? "" : " " + value) + "' is not allowed; "
                    + "allowed: salience N, no-loop, lock-on-active, auto-focus, enabled true|false, dialect java|mvel, "
                    + "agenda-group, activation-group and ruleflow-group with a plain name");
        }
    }

    private void checkElement(BaseDescr element, Set<String> bound) {
        if (element instanceof PatternDescr pattern) {
            checkPattern(pattern, bound);
        } else if (element instanceof AndDescr || element instanceof OrDescr || element instanceof NotDescr
                || element instanceof ExistsDescr || element instanceof ForallDescr) {
            for (BaseDescr child : ((ConditionalElementDescr) element).getDescrs()) {
                checkElement(child, bound);
            }
        } else {
            error(element, describe(element) + " is not allowed in a condition; use patterns of the decision facts"
                    + " with not, exists, forall, and, or");
        }
    }

    private void checkPattern(PatternDescr pattern, Set<String> bound) {
        refuseAnnotations(pattern);
        if (pattern.isQuery()) {
            error(pattern, "query calls are not allowed");
        }
        if (!FactsApi.isType(pattern.getObjectType())) {
            error(pattern, "'" + pattern.getObjectType() + "' is not a type of the decision facts; patterns match "
                    + String.join(", ", FactsApi.TYPES.stream().map(Class::getSimpleName).sorted().toList()));
        }
        if (!pattern.getBehaviors().isEmpty()) {
            error(pattern, "'over window' is not allowed");
        }
        if (pattern.getSource() instanceof FromDescr from && from.getDataSource() instanceof MVELExprDescr source) {
            checkCode(pattern, source.getExpression(), bound, CodeCheck.Context.CONSTRAINT);
        } else if (pattern.getSource() != null) {
            error(pattern, describe(pattern.getSource()) + " is not allowed as a pattern source; use 'from' with a"
                    + " method of the decision facts");
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression) {
                checkConstraint(expression, bound);
            } else {
                error(constraint, describe(constraint) + " is not allowed in a pattern");
            }
        }
        if (pattern.getIdentifier() != null) {
            bound.add(pattern.getIdentifier());
        }
    }

    private void checkConstraint(ExprConstraintDescr constraint, Set<String> bound) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr parsed = parser.parse(constraint.getExpression());
        if (parser.hasErrors() || parsed == null) {
            error(constraint, "the condition '" + constraint.getExpression() + "' cannot be parsed: "
                    + parser.getErrors().stream().map(Throwable::getMessage).findFirst().orElse("unknown error"));
            return;
        }
        checkConstraintPart(constraint, parsed, bound);
    }

    private void checkConstraintPart(ExprConstraintDescr at, BaseDescr part, Set<String> bound) {
        if (part instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(child -> checkConstraintPart(at, child, bound));
        } else if (part instanceof RelationalExprDescr relation) {
            if (!OPERATORS.contains(relation.getOperator()) || relation.getParameters() != null) {
                error(at, "operator '" + relation.getOperator() + "' is not allowed; use ==, !=, <, <=, >, >=,"
                        + " contains, memberOf or matches");
            }
            checkConstraintPart(at, relation.getLeft(), bound);
            checkConstraintPart(at, relation.getRight(), bound);
        } else if (part instanceof BindingDescr binding) {
            checkCode(at, binding.getExpression(), bound, CodeCheck.Context.CONSTRAINT);
            bound.add(binding.getVariable());
        } else if (part instanceof AtomicExprDescr atom) {
            checkCode(at, atom.getExpression(), bound, CodeCheck.Context.CONSTRAINT);
        } else {
            error(at, describe(part) + " is not allowed in a condition");
        }
    }

    private void checkCode(BaseDescr at, String code, Set<String> bound, CodeCheck.Context context) {
        for (CodeCheck.Violation violation : CodeCheck.expression(code, bound, context)) {
            error(at, violation.message() + " (in '" + code.trim() + "')");
        }
    }

    /**
     * A consequence: Drools' own Java block parser finds the {@code modify(x) { ... }} blocks (not Java syntax);
     * their target and items are checked one by one, and the rest of the consequence as a Java block with the
     * blocks blanked out (line breaks kept, so lines still match).
     */
    private void checkConsequence(String consequence, Start start, Set<String> bound) {
        int firstLine = start.line();
        String code = "{" + consequence + "}";
        JavaParser parser = new JavaParser(new CommonTokenStream(new JavaLexer(new ANTLRStringStream(code))));
        try {
            parser.block();
        } catch (RecognitionException e) {
            parser.reportError(e);
        }
        if (parser.hasErrors()) {
            error(firstLine, 1, "the consequence cannot be parsed: " + parser.getErrorMessages().get(0));
            return;
        }
        List<JavaModifyBlockDescr> modifies = new ArrayList<>();
        collectModifies(parser.getRootBlockDescr(), modifies);
        StringBuilder rest = new StringBuilder(code);
        modifies.sort(Comparator.comparingInt(JavaModifyBlockDescr::getStart).reversed());
        for (JavaModifyBlockDescr modify : modifies) {
            int line = firstLine + lineOf(code, modify.getStart()) - 1;
            checkModifyPart(line, modify.getTargetExpression(), bound, CodeCheck.Context.CONSEQUENCE);
            for (String item : modify.getExpressions()) {
                checkModifyPart(line, item, bound, CodeCheck.Context.MODIFY);
            }
            // Drools' offsets count the consequence without the leading brace: the block spans [start, end]
            for (int i = modify.getStart(); i <= modify.getEnd() && i < rest.length() - 1; i++) {
                if (rest.charAt(i) != '\n') {
                    rest.setCharAt(i, ' ');
                }
            }
            rest.setCharAt(modify.getStart(), ';');
        }
        String body = rest.substring(1, rest.length() - 1);
        for (CodeCheck.Violation violation : CodeCheck.block(body, bound)) {
            // the block was parsed behind an opening brace: on its first line, columns are one further right
            int column = violation.line() == 1 ? start.column() + violation.column() - 2 : violation.column();
            error(firstLine + violation.line() - 1, column, violation.message());
        }
    }

    /** Where a consequence's text starts in the DRL (1-based line and column). */
    private record Start(int line, int column) {
    }

    /** Drools reports the line of {@code then} and drops the blank space after it. */
    private Start startOfConsequence(RuleDescr rule) {
        int line = rule.getConsequenceLine();
        int column = rule.getConsequencePattern() + "then".length();
        while (line >= 1 && line <= lines.length) {
            String text = lines[line - 1];
            while (column < text.length() && Character.isWhitespace(text.charAt(column))) {
                column++;
            }
            if (column < text.length()) {
                return new Start(line, column + 1);
            }
            line++;
            column = 0;
        }
        return new Start(rule.getConsequenceLine(), 1);
    }

    private void checkModifyPart(int line, String code, Set<String> bound, CodeCheck.Context context) {
        for (CodeCheck.Violation violation : CodeCheck.expression(code, bound, context)) {
            error(line, 1, violation.message() + " (in modify: '" + code.trim() + "')");
        }
    }

    private static void collectModifies(JavaBlockDescr block, List<JavaModifyBlockDescr> into) {
        if (block instanceof JavaModifyBlockDescr modify) {
            into.add(modify);
        }
        if (block instanceof JavaContainerBlockDescr container) {
            container.getJavaBlockDescrs().forEach(child -> collectModifies(child, into));
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private void refuseAnnotations(AnnotatedBaseDescr descr) {
        if (!descr.getAnnotations().isEmpty()) {
            error(descr, "annotations (@" + String.join(", @", descr.getAnnotationNames()) + ") are not allowed");
        }
    }

    private void refuseAll(List<? extends BaseDescr> descrs, String message) {
        descrs.forEach(descr -> error(descr, message));
    }

    /** At a descriptor: Drools counts its columns from 0. */
    private void error(BaseDescr at, String message) {
        error(at.getLine(), at.getColumn() + 1, message);
    }

    /** At a 1-based line and column; zero or less for unknown. */
    private void error(int line, int column, String message) {
        findings.add(new Refusal(line > 0 ? line : null, line > 0 && column > 0 ? column : null, message));
    }

    private static String describe(BaseDescr descr) {
        String kind = descr.getClass().getSimpleName().replace("Descr", "").toLowerCase();
        String text = descr.getText() == null || descr.getText().isBlank() ? "" : " '" + descr.getText().trim() + "'";
        return kind + text;
    }
}
