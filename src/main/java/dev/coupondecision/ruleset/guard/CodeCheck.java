package dev.coupondecision.ruleset.guard;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one piece of rule code (a constraint, a {@code from} source, a consequence) against an allowlist of
 * syntax, parsed with JavaParser: literals, operators, the rule's bound variables, and the types, methods,
 * properties and constants of the facts package ({@link FactsApi}). Every node of the tree is looked at, so
 * nothing outside the list (another package, a fully-qualified name, reflection, a lambda, an assignment, a
 * local class) can pass unseen.
 */
final class CodeCheck {
    /** Where the code stands, which decides what a name or a call without a receiver means. */
    enum Context {
        /** A pattern constraint or a {@code from} source: bare names are the pattern's properties and methods. */
        CONSTRAINT,
        /** A rule consequence: bare calls are only {@code insert(...)}. */
        CONSEQUENCE,
        /** An expression inside {@code modify(x) { ... }}: bare calls are methods of the modified fact. */
        MODIFY
    }

    /** A piece of code the allowlist refuses, at a 1-based line and column of the checked text. */
    record Violation(int line, int column, String message) {
    }

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    /** A JavaParser is not thread-safe (two candidates may be checked at once): one per check, of this configuration. */
    private static final ParserConfiguration JAVA_17 = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    private static final Set<Class<? extends Node>> INERT = Set.of(StringLiteralExpr.class, IntegerLiteralExpr.class,
            LongLiteralExpr.class, DoubleLiteralExpr.class, BooleanLiteralExpr.class, NullLiteralExpr.class,
            CharLiteralExpr.class, BinaryExpr.class, UnaryExpr.class, EnclosedExpr.class, ConditionalExpr.class,
            BlockStmt.class, ExpressionStmt.class, EmptyStmt.class, SimpleName.class);

    private final Set<String> bound;
    private final Context context;
    private final List<Violation> violations = new ArrayList<>();
    private final List<Node> rejected = new ArrayList<>();

    private CodeCheck(Set<String> bound, Context context) {
        this.bound = bound;
        this.context = context;
    }

    /** Checks an expression (a constraint's operand, a {@code from} source, a modify item). */
    static List<Violation> expression(String code, Set<String> bound, Context context) {
        if (UNICODE_ESCAPE.matcher(code).find()) {
            return List.of(unicodeEscape(code));
        }
        ParseResult<Expression> parsed = new JavaParser(JAVA_17).parseExpression(code);
        return parsed.getResult().filter(e -> parsed.isSuccessful())
                .map(e -> new CodeCheck(bound, context).walk(e))
                .orElseGet(() -> List.of(unparsable(parsed.getProblems())));
    }

    /** Checks a consequence whose {@code modify} blocks were taken out (they are checked item by item). */
    static List<Violation> block(String code, Set<String> bound) {
        if (UNICODE_ESCAPE.matcher(code).find()) {
            return List.of(unicodeEscape(code));
        }
        // The consequence is pasted into a method body: parsing it as exactly one block (and nothing after it)
        // also refuses code that closes the method to declare members of its own.
        ParseResult<BlockStmt> parsed = new JavaParser(JAVA_17).parseBlock("{" + code + "\n}");
        return parsed.getResult().filter(b -> parsed.isSuccessful())
                .map(b -> new CodeCheck(bound, Context.CONSEQUENCE).walk(b))
                .orElseGet(() -> List.of(unparsable(parsed.getProblems())));
    }

    /**
     * First the kinds of syntax: an outermost construct the allowlist lacks (a lambda, an assignment, a loop)
     * is reported once for all it contains. Then the names, children first, so that only the innermost refused
     * part of a chain ({@code java.lang.System...}) is reported.
     */
    private List<Violation> walk(Node root) {
        root.walk(Node.TreeTraversal.PREORDER, node -> {
            if (!knownKind(node) && rejected.stream().noneMatch(r -> r.isAncestorOf(node))) {
                reject(node, describe(node) + " is not allowed in rule code; only literals, operators, the rule's"
                        + " variables and " + FactsApi.summary() + " are");
            }
        });
        root.walk(Node.TreeTraversal.POSTORDER, node -> {
            if (knownKind(node) && rejected.stream().noneMatch(r -> r.isAncestorOf(node))) {
                check(node);
            }
        });
        return violations;
    }

    private static boolean knownKind(Node node) {
        return node instanceof Comment || INERT.contains(node.getClass()) || node instanceof NameExpr
                || node instanceof FieldAccessExpr || node instanceof MethodCallExpr
                || node instanceof ObjectCreationExpr || node instanceof ClassOrInterfaceType || node instanceof ThisExpr;
    }

    private void check(Node node) {
        if (node instanceof NameExpr name) {
            checkName(name);
        } else if (node instanceof FieldAccessExpr access) {
            checkFieldAccess(access);
        } else if (node instanceof MethodCallExpr call) {
            checkCall(call);
        } else if (node instanceof ObjectCreationExpr creation) {
            checkCreation(creation);
        } else if (node instanceof ClassOrInterfaceType type) {
            checkCreatedType(type);
        } else if (node instanceof ThisExpr self && context != Context.CONSTRAINT) {
            reject(self, "'this' is only allowed in conditions");
        }
    }

    private void checkName(NameExpr name) {
        String id = name.getNameAsString();
        boolean scopeOfStatic = FactsApi.isType(id) && name.getParentNode()
                .filter(p -> p instanceof FieldAccessExpr || p instanceof MethodCallExpr).isPresent();
        boolean allowed = bound.contains(id) || scopeOfStatic
                || (context == Context.CONSTRAINT && FactsApi.isProperty(id));
        if (!allowed) {
            reject(name, "'" + id + "' is neither a variable of this rule nor a type or property of the decision facts");
        }
    }

    private void checkFieldAccess(FieldAccessExpr access) {
        String field = access.getNameAsString();
        Optional<String> type = staticScope(access.getScope());
        if (type.isPresent()) {
            if (!FactsApi.isStaticMember(type.get(), field)) {
                reject(access, "'" + type.get() + "." + field + "' is not a constant of " + type.get());
            }
        } else if (!FactsApi.isProperty(field)) {
            reject(access, "'" + field + "' is not a property of the decision facts");
        }
    }

    private void checkCall(MethodCallExpr call) {
        String method = call.getNameAsString();
        if (call.getTypeArguments().isPresent()) {
            reject(call, "type arguments are not allowed in rule code");
        }
        if (call.getScope().isEmpty()) {
            boolean allowed = switch (context) {
                case CONSEQUENCE -> method.equals("insert") && call.getArguments().size() == 1;
                case CONSTRAINT, MODIFY -> FactsApi.isInstanceMethod(method);
            };
            if (!allowed) {
                reject(call, "'" + method + "(...)' is not allowed here"
                        + (context == Context.CONSEQUENCE ? "; a consequence may call insert(...), modify(...) { ... } and methods of the facts" : ""));
            }
            return;
        }
        Optional<String> type = staticScope(call.getScope().get());
        if (type.isPresent()) {
            if (!FactsApi.isStaticMethod(type.get(), method)) {
                reject(call, "'" + type.get() + "." + method + "(...)' is not a method of " + type.get());
            }
        } else if (!FactsApi.isInstanceMethod(method)) {
            reject(call, "'" + method + "(...)' is not a method of the decision facts");
        }
    }

    private void checkCreation(ObjectCreationExpr creation) {
        if (creation.getScope().isPresent() || creation.getAnonymousClassBody().isPresent()
                || creation.getTypeArguments().isPresent()) {
            reject(creation, "only 'new' of a fact type with arguments is allowed, such as new TierAssignment(Tier.NEW)");
        }
    }

    /** The type of a {@code new}: a fact type by its simple name (its own check happens on the creation). */
    private void checkCreatedType(ClassOrInterfaceType type) {
        boolean ofCreation = type.getParentNode().filter(p -> p instanceof ObjectCreationExpr).isPresent();
        if (!ofCreation || type.getScope().isPresent() || type.getTypeArguments().isPresent()
                || !FactsApi.isType(type.getNameAsString())) {
            reject(type, "'" + type + "' is not a type of the decision facts");
        }
    }

    /** The fact type named by a receiver such as {@code Tier} in {@code Tier.NEW}, when it is one. */
    private Optional<String> staticScope(Expression scope) {
        if (scope instanceof NameExpr name && FactsApi.isType(name.getNameAsString())
                && !bound.contains(name.getNameAsString())) {
            return Optional.of(name.getNameAsString());
        }
        return Optional.empty();
    }

    private void reject(Node node, String message) {
        if (rejected.stream().anyMatch(node::isAncestorOf)) {
            return;
        }
        rejected.add(node);
        int line = node.getBegin().map(p -> p.line).orElse(1);
        int column = node.getBegin().map(p -> p.column).orElse(1);
        violations.add(new Violation(line, column, message));
    }

    private static String describe(Node node) {
        String kind = node.getClass().getSimpleName().replaceAll("(Expr|Stmt|Declaration)$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        String text = node.toString().replaceAll("\\s+", " ");
        return kind + " '" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
    }

    private static Violation unicodeEscape(String code) {
        Matcher escape = UNICODE_ESCAPE.matcher(code);
        escape.find();
        String before = code.substring(0, escape.start());
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = escape.start() - before.lastIndexOf('\n');
        String shown = code.substring(escape.start(), Math.min(code.length(), escape.end() + 4));
        return new Violation(line, column, "'" + shown + "': rule code must not contain unicode escapes (\\u...):"
                + " Java turns them into code before compiling; type the character itself");
    }

    private static Violation unparsable(List<Problem> problems) {
        String first = problems.isEmpty() ? "" : problems.get(0).getVerboseMessage().lines().findFirst().orElse("");
        int line = problems.isEmpty() ? 1 : problems.get(0).getLocation()
                .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
        return new Violation(line, 1, "this code cannot be checked, so it is refused: " + first);
    }
}
