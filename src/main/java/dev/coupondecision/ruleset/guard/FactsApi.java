package dev.coupondecision.ruleset.guard;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.ContactHistory;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.facts.Customer;
import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.SendWindowSlot;
import dev.coupondecision.decision.facts.Suppression;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.facts.HoldoutGroup;
import dev.coupondecision.decision.facts.TierAssignment;
import dev.coupondecision.decision.facts.TimeWindow;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything rule code may name: the types of the decision facts package, their public methods, bean
 * properties and constants. It is read from the classes themselves, so a method added to a fact is usable at
 * once and nothing outside the package ever is.
 */
public final class FactsApi {
    public static final String PACKAGE = "dev.coupondecision.decision.facts";

    /** Every public type of the facts package (ArchitectureTest keeps this list complete). */
    public static final List<Class<?>> TYPES = List.of(CampaignType.class, ContactHistory.class, CouponType.class,
            Customer.class, DayType.class, Decision.class, SendWindowSlot.class, Suppression.class,
            SuppressionCode.class, Tier.class, TierAssignment.class, HoldoutGroup.class, TimeWindow.class);

    /** Methods every object has that reach the class, the monitor or the enum machinery. */
    private static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "valueOf",
            "getDeclaringClass", "describeConstable", "finalize", "clone");

    private static final Map<String, Class<?>> TYPES_BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    private static final Map<String, Set<String>> STATIC_MEMBERS = new HashMap<>();
    private static final Map<String, Set<String>> STATIC_METHODS = new HashMap<>();
    private static final Set<String> INSTANCE_METHODS = new HashSet<>();
    private static final Set<String> PROPERTIES = new HashSet<>();

    static {
        for (Class<?> type : TYPES) {
            Set<String> members = new HashSet<>();
            Set<String> statics = new HashSet<>();
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())) {
                    members.add(field.getName());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || NEVER.contains(method.getName())) {
                    continue;
                }
                if (Modifier.isStatic(method.getModifiers())) {
                    statics.add(method.getName());
                } else {
                    INSTANCE_METHODS.add(method.getName());
                    PROPERTIES.addAll(propertyNames(method.getName(), method.getParameterCount()));
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    PROPERTIES.add(component.getName());
                }
            }
            STATIC_MEMBERS.put(type.getSimpleName(), Set.copyOf(members));
            STATIC_METHODS.put(type.getSimpleName(), Set.copyOf(statics));
        }
    }

    private FactsApi() {
    }

    /** Whether {@code simpleName} names a type of the facts package. */
    public static boolean isType(String simpleName) {
        return TYPES_BY_NAME.containsKey(simpleName);
    }

    /** An enum constant or public static field of a fact type, such as {@code Tier.HIGH_VALUE}. */
    static boolean isStaticMember(String type, String name) {
        return STATIC_MEMBERS.getOrDefault(type, Set.of()).contains(name);
    }

    /** A public static method of a fact type, such as {@code Suppression.hard}. */
    static boolean isStaticMethod(String type, String name) {
        return STATIC_METHODS.getOrDefault(type, Set.of()).contains(name);
    }

    /** A public instance method declared by some fact type, such as {@code setAmountOff} or {@code bucketOf}. */
    static boolean isInstanceMethod(String name) {
        return INSTANCE_METHODS.contains(name);
    }

    /** A bean property of some fact type, such as {@code orderCount} (read through {@code getOrderCount()}). */
    static boolean isProperty(String name) {
        return PROPERTIES.contains(name);
    }

    /** Whether an import names the facts package ({@code ...facts.*}) or one of its types. */
    public static boolean isAllowedImport(String name) {
        String trimmed = name.trim();
        if (trimmed.equals(PACKAGE + ".*")) {
            return true;
        }
        return trimmed.startsWith(PACKAGE + ".") && isType(trimmed.substring(PACKAGE.length() + 1));
    }

    /** For messages: what rule code may use. */
    public static String summary() {
        return "the decision facts (" + String.join(", ", TYPES.stream().map(Class::getSimpleName).sorted().toList())
                + "), their public methods, properties and constants";
    }

    private static List<String> propertyNames(String methodName, int parameters) {
        for (String prefix : List.of("get", "is")) {
            if (parameters == 0 && methodName.startsWith(prefix) && methodName.length() > prefix.length()) {
                return List.of(Introspector.decapitalize(methodName.substring(prefix.length())));
            }
        }
        if (parameters == 1 && methodName.startsWith("set") && methodName.length() > 3) {
            return List.of(Introspector.decapitalize(methodName.substring(3)));
        }
        return List.of();
    }
}
