package dev.coupondecision.decision.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.problem.Violation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Typed, checked reads of the fields of one JSON object (a tree's node, or a {@link SentObject} read from the token
 * stream). A field that is missing, null, of the wrong type or out of range adds a {@link Violation} (path, rejected
 * value, expectation) and reads as null.
 */
public final class JsonFields {
    /** The members of one JSON object by name: null when absent. */
    @FunctionalInterface
    public interface Members {
        JsonNode get(String name);
    }

    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** ZoneId.getAvailableZoneIds() copies the whole set on every call (about 8 µs): read it once. */
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());
    /** Each zone made once, when first asked for (ZoneId.of builds a new one every time); only ids of ZONE_IDS. */
    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();
    /** Dates and instants outside these years are typing or export errors (and overflow day counts). */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;
    private static final String INSTANT = "an ISO-8601 instant with offset between years " + MIN_YEAR + " and "
            + MAX_YEAR + ", e.g. 2026-11-20T12:00:00+08:00";
    private static final String DATE = "a real calendar date in ISO form between years " + MIN_YEAR + " and "
            + MAX_YEAR + ", such as 2026-11-20";

    private final Members members;
    private final String path;
    /** Of an array's element: its index, appended to the path only when a violation names it; else -1. */
    private final int index;
    private final List<Violation> violations;

    /** The fields of a tree's object node (of none when the node is not an object). */
    public JsonFields(JsonNode node) {
        this(node == null ? name -> null : node::get, "", -1, new ArrayList<>());
    }

    JsonFields(Members members) {
        this(members, "", -1, new ArrayList<>());
    }

    private JsonFields(Members members, String path, int index, List<Violation> violations) {
        this.members = members;
        this.path = path;
        this.index = index;
        this.violations = violations;
    }

    /** The fields of a nested object whose paths start with {@code childPrefix}, such as "campaign.". */
    JsonFields nested(Members child, String childPrefix) {
        return new JsonFields(child, childPrefix, -1, violations);
    }

    /** The fields of element {@code i} of the array at {@code arrayPath}: paths such as "contactHistory[2].sentAt". */
    JsonFields element(Members child, String arrayPath, int i) {
        return new JsonFields(child, arrayPath, i, violations);
    }

    /** Built only when a violation needs it: most requests have none, and a contact history has many elements. */
    private String prefix() {
        return index < 0 ? path : path + "[" + index + "].";
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean hasViolation(String field) {
        if (violations.isEmpty()) {
            return false;
        }
        String name = prefix() + field;
        return violations.stream().anyMatch(v -> v.field().equals(name));
    }

    public void reject(String field, JsonNode value, String expected) {
        violations.add(new Violation(prefix() + field, value, expected));
    }

    public void rejectUnknown(JsonNode object, String path, Set<String> known) {
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown(path + name, object.get(name), known);
            }
        });
    }

    /** Rejects each of this object's {@code names} (in document order) that is not {@code known}, with its value. */
    void rejectUnknown(Iterator<String> names, Set<String> known) {
        names.forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown(prefix() + name, members.get(name), known);
            }
        });
    }

    private void unknown(String field, JsonNode value, Set<String> known) {
        violations.add(new Violation(field, value,
                "no such field; known fields are " + String.join(", ", known.stream().sorted().toList())));
    }

    public String text(String field, boolean required, Predicate<String> format, String expected) {
        JsonNode value = present(field, required, expected);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !format.test(value.asText())) {
            reject(field, value, expected);
            return null;
        }
        return value.asText();
    }

    public boolean bool(String field, boolean required, boolean absent) {
        JsonNode value = present(field, required, "true or false");
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            reject(field, value, "true or false");
            return absent;
        }
        return value.booleanValue();
    }

    public Integer nonNegativeInt(String field, boolean required) {
        JsonNode value = present(field, required, "an integer >= 0");
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            reject(field, value, "an integer >= 0");
            return null;
        }
        return value.intValue();
    }

    public BigDecimal nonNegativeDecimal(String field, BigDecimal max) {
        String expected = "a number from 0 to " + max.toPlainString();
        JsonNode value = present(field, false, expected);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        // numbers are read as exact decimals (JsonConfig); a double only comes from other mappers
        boolean infinite = (value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue());
        if (!value.isNumber() || infinite || value.decimalValue().signum() < 0 || value.decimalValue().compareTo(max) > 0) {
            reject(field, value, expected);
            return BigDecimal.ZERO;
        }
        return value.decimalValue();
    }

    public Instant instant(String field, boolean required) {
        JsonNode value = present(field, required, INSTANT);
        if (value == null) {
            return null;
        }
        try {
            if (value.isTextual()) {
                OffsetDateTime parsed = OffsetDateTimes.parse(value.asText());
                Instant instant = parsed.toInstant();
                if (inRange(parsed.getYear()) && inRange(utcYear(instant))) {
                    return instant;
                }
            }
        } catch (DateTimeException | ArithmeticException e) {
            // reported below
        }
        reject(field, value, INSTANT);
        return null;
    }

    public ZoneId zone(String field) {
        JsonNode value = present(field, false, "an IANA time zone id such as Asia/Shanghai");
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            ZoneId zone = ZONES.get(value.asText());
            if (zone != null) {
                return zone;
            }
            if (ZONE_IDS.contains(value.asText())) {
                return ZONES.computeIfAbsent(value.asText(), ZoneId::of);
            }
        }
        reject(field, value, "an IANA time zone id such as Asia/Shanghai or Europe/Berlin");
        return null;
    }

    public LocalDate date(String field) {
        JsonNode value = present(field, false, "an ISO date such as 2026-11-20");
        if (value == null) {
            return null;
        }
        try {
            String text = value.isTextual() ? value.asText() : "";
            if (FULL_DATE.matcher(text).matches()) {
                // four, two and two ASCII digits: LocalDate.parse would accept exactly the real dates among them
                LocalDate date = LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
                if (inRange(date.getYear())) {
                    return date;
                }
            }
        } catch (DateTimeException e) {
            // reported below
        }
        reject(field, value, DATE);
        return null;
    }

    public MonthDay birthday(String field) {
        JsonNode value = present(field, false, "MM-DD or YYYY-MM-DD");
        if (value == null) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : "";
        try {
            if (MONTH_DAY.matcher(text).matches()) {
                return MonthDay.parse("--" + text);
            }
            if (FULL_DATE.matcher(text).matches() && inRange(LocalDate.parse(text).getYear())) {
                return MonthDay.from(LocalDate.parse(text));
            }
        } catch (DateTimeException e) {
            // reported below
        }
        reject(field, value, "a real calendar day as MM-DD or YYYY-MM-DD (02-29 allowed, years " + MIN_YEAR + " to " + MAX_YEAR + ")");
        return null;
    }

    public CampaignType campaignType(String field, boolean required) {
        JsonNode value = present(field, required, "PROMOTION or RECALL");
        if (value == null) {
            return null;
        }
        for (CampaignType type : CampaignType.values()) {
            if (value.isTextual() && type.name().equals(value.asText())) {
                return type;
            }
        }
        reject(field, value, "PROMOTION or RECALL");
        return null;
    }

    public void notAfter(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            reject(field, members.get(field), "a date not after the customer's local date of asOf (" + today + ")");
        }
    }

    /** The year of an instant in UTC, without building the UTC offset's rules as atOffset does. */
    private static int utcYear(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400)).getYear();
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** The field's value, or null when absent or JSON null (a violation too, when required). */
    private JsonNode present(String field, boolean required, String expected) {
        JsonNode value = members.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                reject(field, value, expected + " (required)");
            }
            return null;
        }
        return value;
    }
}
