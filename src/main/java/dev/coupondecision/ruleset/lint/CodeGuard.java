package dev.coupondecision.ruleset.lint;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.facts.Customer;
import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.SendWindowSlot;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.facts.TierAssignment;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guardrail between spreadsheets and the service: table code may name only the decision facts, their
 * own methods and properties, their enum constants and a few rule keywords. Anything else (System,
 * Runtime, reflection, I/O, threads, class loading, the rule context) is rejected before compilation, so
 * no spreadsheet can run arbitrary code in the service.
 */
public final class CodeGuard {
    public static final String FACTS_PACKAGE = "dev.coupondecision.decision.facts";
    static final List<Class<?>> FACT_TYPES = List.of(Customer.class, Decision.class, TierAssignment.class,
            SendWindowSlot.class, Tier.class, CouponType.class, DayType.class, CampaignType.class);
    private static final Set<String> KEYWORDS = Set.of("new", "insert", "modify", "forall", "true", "false", "null",
            "this", "matches", "contains", "memberOf", "in", "not");
    private static final Set<String> ALLOWED = allowedIdentifiers();
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    private static final Pattern IDENTIFIER = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");

    private CodeGuard() {
    }

    /** Identifiers in a code cell that lie outside the facts' API, in order of appearance. */
    public static Set<String> forbiddenIdentifiers(String code) {
        Matcher identifiers = IDENTIFIER.matcher(STRING_LITERAL.matcher(code).replaceAll("\"\""));
        Set<String> forbidden = new LinkedHashSet<>();
        while (identifiers.find()) {
            String name = identifiers.group();
            if (!name.startsWith("$") && !ALLOWED.contains(name)) {
                forbidden.add(name);
            }
        }
        return forbidden;
    }

    /**
     * True when the code holds a Java unicode escape ({@code \\u0022}). The Java compiler turns these into
     * characters before it reads the code, so an escape inside a string literal can close the string and
     * start code that the identifier check above never sees.
     */
    public static boolean hasUnicodeEscape(String code) {
        return UNICODE_ESCAPE.matcher(code).find();
    }

    /** True when an import names the facts package or one of its fact types. */
    public static boolean isAllowedImport(String name) {
        String trimmed = name.trim();
        if (trimmed.equals(FACTS_PACKAGE + ".*")) {
            return true;
        }
        return FACT_TYPES.stream().anyMatch(type -> type.getName().equals(trimmed)) || isFactsClass(trimmed);
    }

    private static boolean isFactsClass(String name) {
        return name.startsWith(FACTS_PACKAGE + ".") && name.indexOf('.', FACTS_PACKAGE.length() + 1) < 0
                && !name.endsWith("*");
    }

    public static String allowedSummary() {
        return "the decision facts (" + String.join(", ", FACT_TYPES.stream().map(Class::getSimpleName).toList())
                + "), their methods, properties and enum constants";
    }

    private static Set<String> allowedIdentifiers() {
        Set<String> allowed = new HashSet<>(KEYWORDS);
        for (Class<?> type : FACT_TYPES) {
            allowed.add(type.getSimpleName());
            for (Object constant : type.isEnum() ? type.getEnumConstants() : new Object[0]) {
                allowed.add(((Enum<?>) constant).name());
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    allowed.add(method.getName());
                    allowed.addAll(propertyNames(method.getName()));
                }
            }
        }
        allowed.removeAll(Set.of("valueOf", "getClass", "getDeclaringClass", "wait", "notify", "notifyAll"));
        return Set.copyOf(allowed);
    }

    private static List<String> propertyNames(String methodName) {
        List<String> names = new ArrayList<>();
        for (String prefix : List.of("get", "is", "set")) {
            if (methodName.startsWith(prefix) && methodName.length() > prefix.length()) {
                names.add(Introspector.decapitalize(methodName.substring(prefix.length())));
            }
        }
        return names;
    }
}
