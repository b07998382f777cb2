package dev.coupondecision.ruleset;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in an analyst's words what a Drools compile error about a table row means. Drools reports the generated
 * rule's code ("mismatched input '==' ...", "The method setValidHours(Integer) ... is not applicable"); the person
 * who typed the cell needs to hear what is wrong with the value and what to type instead.
 */
final class CompileErrorWording {
    private static final Pattern DUPLICATE_NAME = Pattern.compile("Duplicate rule name: (.+?)(?: \\(generated.*)?$");
    private static final Pattern ARGUMENT_TYPES = Pattern.compile(
            "The method \\w+\\((\\w+)\\) in the type \\w+ is not applicable for the arguments \\((\\w+)\\)");

    private CompileErrorWording() {
    }

    /** The sentence after "column 'Title', row N: ". */
    static String plain(String droolsMessage) {
        Matcher duplicate = DUPLICATE_NAME.matcher(droolsMessage);
        if (duplicate.find()) {
            return "another row already has the name '" + duplicate.group(1).trim() + "'; give each row its own name";
        }
        Matcher types = ARGUMENT_TYPES.matcher(droolsMessage);
        if (types.find()) {
            return "the column's rule code needs " + kind(types.group(1)) + " but gets " + kind(types.group(2))
                    + "; this is a mistake in the developer rows of the column, not in the value: ask a developer";
        }
        if (droolsMessage.contains("mismatched input") || droolsMessage.contains("no viable alternative")
                || droolsMessage.contains("extraneous input") || droolsMessage.contains("missing ")) {
            return "the value does not fit the column: check for a missing or extra character (quote, bracket,"
                    + " comma), text where a number or a name from the list is expected, or a cell that should be"
                    + " empty";
        }
        if (droolsMessage.contains("cannot be resolved") || droolsMessage.contains("Unable to resolve")) {
            return "the value names something the rules do not know; pick a value from the column's list";
        }
        return "Drools could not compile the rule of this row; the detail below is for a developer";
    }

    private static String kind(String javaType) {
        return switch (javaType) {
            case "String" -> "text";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "BigDecimal", "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            default -> "a " + javaType;
        };
    }
}
