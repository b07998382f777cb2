package dev.coupondecision.decision.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.problem.Violation;
import dev.coupondecision.reference.RandomProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The streaming {@link RequestParser} against the tree parser it replaced ({@link TreeRequestParser}, reading
 * Jackson's tree as {@code ObjectReader.readTree} builds it with the service's settings): for valid profiles, for
 * profiles with fields removed, retyped, renamed, reordered and broken, and for bytes that are not one JSON object,
 * both give the same request, or the same violations in the same order (field, value as JSON, expectation) and the
 * same customer, or the same JSON error at the same place.
 */
class StreamingParserTest {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-06-15T04:00:00.250Z"), ZoneOffset.UTC);
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final RequestParser STREAMING = new RequestParser(CLOCK, DEFAULT_ZONE);
    private static final TreeRequestParser TREE = new TreeRequestParser(CLOCK, DEFAULT_ZONE);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    @Test
    void sameAnswersOnRandomValidProfiles() throws Exception {
        Random random = new Random(20261203L);
        for (int i = 0; i < 2_000; i++) {
            ObjectNode profile = RandomProfiles.next(random).json();
            assertSame(JSON.writeValueAsBytes(profile));
        }
    }

    @Test
    void sameAnswersOnRandomlyBrokenProfiles() throws Exception {
        Random random = new Random(20261204L);
        int invalid = 0;
        for (int i = 0; i < 6_000; i++) {
            ObjectNode profile = RandomProfiles.next(random).json();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                profile = edit(profile, random);
            }
            invalid += assertSame(JSON.writeValueAsBytes(profile)) ? 0 : 1;
        }
        assertThat(invalid).as("most edits make a request invalid").isGreaterThan(3_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", "null", "[]", "[{}]", "1", "-0", "1.50", "\"c-1\"", "true", "{} {}", "{}x",
            "{} null", "[] 1", "{", "{\"customerId\":", "{\"customerId\": \"c-1\",}", "{\"a\": 1, \"a\": 2}",
            "{\"customerId\": \"c-1\", \"customerId\": \"c-2\"}", "{\"campaign\": {\"id\": \"x\", \"id\": \"y\"}}",
            "{\"contactHistory\": [{\"sentAt\": 1, \"sentAt\": 2}]}", "{\"customerId\": 'c-1'}", "{customerId: \"c\"}",
            "{\"orderCount\": 01}", "{\"orderCount\": 1e400}", "{\"orderCount\": NaN}", "{\"spendLast365Days\": 1e-400}",
            "{\"spendLast365Days\": 12.50, \"orderCount\": 1.0, \"ordersLast90Days\": 99999999999999999999}",
            "{\"x\": {\"y\": [1, {\"z\": null}]}, \"customerId\": [\"c-1\"], \"campaign\": [1], \"contactHistory\": {}}",
            "{\"contactHistory\": [1, \"a\", null, [], {\"sentAt\": {}}], \"campaign\": \"PROMOTION\"}",
            "{\"contactHistory\": null, \"campaign\": null, \"birthday\": null, \"smsConsent\": null}"})
    void sameAnswersOnEdgeTexts(String text) throws Exception {
        assertSame(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sameAnswersOnBytesThatAreNotUtf8() throws Exception {
        assertSame(new byte[]{'{', '"', 'c', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        assertSame(new byte[]{'{', '"', 'c', 'u', 's', 't', 'o', 'm', 'e', 'r', 'I', 'd', '"', ':', '"', (byte) 0xFF, '"', '}'});
        assertSame(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
    }

    @Test
    void sameAnswersOnTreesMadeByOtherMappers() throws Exception {
        Random random = new Random(20261205L);
        ObjectMapper plain = new ObjectMapper(); // doubles, not decimals, as a caller's own mapper makes them
        for (int i = 0; i < 1_000; i++) {
            ObjectNode profile = edit(RandomProfiles.next(random).json(), random);
            JsonNode tree = plain.readTree(JSON.writeValueAsString(profile));
            assertThat(outcome(() -> STREAMING.parse(tree))).isEqualTo(outcome(() -> TREE.parse(tree)));
        }
    }

    @Test
    void aContactHistoryOverTheLimitIsCountedWithoutItsEntries() throws Exception {
        ObjectNode profile = RandomProfiles.next(new Random(7)).json();
        ArrayNode history = profile.putArray("contactHistory");
        for (int i = 0; i < RequestParser.MAX_CONTACT_HISTORY + 5; i++) {
            history.add(i % 2 == 0 ? NODES.textNode("x") : NODES.objectNode().put("sentAt", "never"));
        }
        assertThat(assertSame(JSON.writeValueAsBytes(profile))).isFalse();
    }

    @Test
    void theIdCheckIsTheRegularExpression() {
        Pattern id = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "a" + c + "b";
            assertThat(RequestParser.isId(text)).as("U+%04X", (int) c).isEqualTo(id.matcher(text).matches());
        }
        Random random = new Random(11);
        String alphabet = "aZ09_.:- é/\u0000";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(70); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(RequestParser.isId(text.toString())).as(text.toString()).isEqualTo(id.matcher(text).matches());
        }
    }

    /** Whether the request was valid; fails when the two parsers differ. */
    private static boolean assertSame(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Outcome streamed = outcome(() -> STREAMING.parse(bytes));
        Outcome tree = outcome(() -> TREE.parse(JSON.readTree(bytes)));
        assertThat(streamed).as(text).isEqualTo(tree);
        if (tree.violations() != null) {
            // the batch names the customer of an invalid line as it did: the tree's customerId when valid, else none
            JsonNode id = JSON.readTree(bytes).get("customerId");
            String expected = id != null && id.isTextual() && RequestParser.isId(id.asText()) ? id.asText() : null;
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> STREAMING.parse(bytes));
            assertThat(e.customerId()).as(text).isEqualTo(expected);
        }
        return tree.request() != null;
    }

    interface Parse {
        DecisionRequest run() throws Exception;
    }

    /** What a parse gave: a request, violations (values as JSON and node types), or a JSON error and its place. */
    record Outcome(DecisionRequest request, List<String> violations, String jsonError) {
    }

    private static Outcome outcome(Parse parse) throws Exception {
        try {
            return new Outcome(parse.run(), null, null);
        } catch (InvalidRequestException e) {
            List<String> violations = new ArrayList<>();
            for (Violation v : e.violations()) {
                violations.add(v.field() + " = " + JSON.writeValueAsString(v.rejectedValue()) + " / "
                        + (v.rejectedValue() == null ? "-" : v.rejectedValue().getClass().getSimpleName()) + ": " + v.expected());
            }
            return new Outcome(null, violations, null);
        } catch (JsonProcessingException e) {
            return new Outcome(null, null, e.getClass().getSimpleName() + ": " + e.getOriginalMessage() + " at "
                    + (e.getLocation() == null ? "-" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()));
        }
    }

    // ---- random edits of a valid profile

    private static final String[] FIELDS = {"customerId", "asOf", "timezone", "smsConsent", "unsubscribed", "orderCount",
            "ordersLast90Days", "spendLast365Days", "lastPurchaseDate", "lastCartActivityDate", "favoriteCategory",
            "birthday", "campaign", "contactHistory", "customerID", "extra"};
    private static final String[] CAMPAIGN_FIELDS = {"id", "type", "bigSale", "name"};
    private static final String[] CONTACT_FIELDS = {"sentAt", "campaignType", "campaignId", "channel"};

    private static ObjectNode edit(ObjectNode profile, Random r) {
        String field = FIELDS[r.nextInt(FIELDS.length)];
        switch (r.nextInt(7)) {
            case 0 -> profile.remove(field);
            case 1, 2 -> profile.set(field, randomValue(r, 2));
            case 3 -> {
                ObjectNode campaign = profile.get("campaign") instanceof ObjectNode c ? c : profile.putObject("campaign");
                campaign.set(CAMPAIGN_FIELDS[r.nextInt(CAMPAIGN_FIELDS.length)], randomValue(r, 1));
            }
            case 4 -> {
                ArrayNode history = profile.get("contactHistory") instanceof ArrayNode h ? h : profile.putArray("contactHistory");
                if (history.isEmpty() || r.nextBoolean()) {
                    history.add(r.nextInt(5) == 0 ? randomValue(r, 1) : NODES.objectNode()
                            .put("sentAt", "2027-06-1" + r.nextInt(8) + "T0" + r.nextInt(10) + ":00:00+08:00")
                            .put("campaignType", r.nextBoolean() ? "PROMOTION" : "RECALL"));
                } else if (history.get(r.nextInt(history.size())) instanceof ObjectNode contact) {
                    contact.set(CONTACT_FIELDS[r.nextInt(CONTACT_FIELDS.length)], randomValue(r, 1));
                }
            }
            case 5 -> profile = shuffled(profile, r);
            default -> profile.set(field, nearMiss(field, r));
        }
        return profile;
    }

    /** Values of the right type but wrong: out of range, not real, in another form. */
    private static JsonNode nearMiss(String field, Random r) {
        String[] texts = {"2027-02-29", "2028-02-29", "1899-12-31", "2201-01-01", "2027-06-16", "2027-06-15",
                "2027-06-15T12:00:00+08:00", "2027-06-15T12:00:00", "2027-06-15T12:00:00.123456789Z", "02-29", "13-01",
                "Europe/Berlin", "europe/berlin", "GMT+8", "c-1", "", " c-1", "a".repeat(65), "PROMOTION", "promotion",
                "beauty", "Beauty", "--02-29"};
        return switch (r.nextInt(4)) {
            case 0 -> NODES.textNode(texts[r.nextInt(texts.length)]);
            case 1 -> NODES.numberNode(r.nextInt(7) - 2);
            case 2 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(r.nextLong() % 100_000), r.nextInt(4)));
            default -> field.startsWith("order") ? NODES.numberNode(r.nextInt(400)) : NODES.booleanNode(r.nextBoolean());
        };
    }

    private static JsonNode randomValue(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextInt());
            case 3 -> NODES.numberNode(r.nextLong());
            case 4 -> NODES.numberNode(BigInteger.valueOf(r.nextLong()).multiply(BigInteger.TEN.pow(r.nextInt(30))));
            case 5 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(40) - 20));
            case 6 -> NODES.numberNode(new BigDecimal("1" + "0".repeat(r.nextInt(3)) + "." + "0".repeat(r.nextInt(3)) + "5"));
            case 7 -> NODES.textNode(Long.toString(r.nextLong(), 36));
            case 8 -> NODES.textNode("");
            case 9 -> NODES.textNode("2027-06-1" + r.nextInt(10) + (r.nextBoolean() ? "T08:00:00Z" : ""));
            case 10 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    array.add(randomValue(r, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    object.set(CONTACT_FIELDS[r.nextInt(CONTACT_FIELDS.length)], randomValue(r, depth - 1));
                }
                yield object;
            }
        };
    }

    private static ObjectNode shuffled(ObjectNode profile, Random r) {
        List<String> names = new ArrayList<>();
        profile.fieldNames().forEachRemaining(names::add);
        Collections.shuffle(names, r);
        ObjectNode copy = NODES.objectNode();
        names.forEach(name -> copy.set(name, profile.get(name)));
        return copy;
    }
}
