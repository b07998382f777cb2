package dev.coupondecision.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Decimals keep the form a table gave them in every tree and text the service writes (scenario reports, updates). */
class JsonConfigTest {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());

    @Test
    void wholeAmountsStayWholeInTreesAndText() throws Exception {
        JsonNode tree = JSON.valueToTree(Map.of("amountOff", new BigDecimal("40"), "spend", new BigDecimal("1999.90")));
        // before: {"amountOff":4E+1,...} because the default node factory strips trailing zeros
        assertThat(tree.get("amountOff").toString()).isEqualTo("40");
        assertThat(JSON.writeValueAsString(tree.get("amountOff"))).isEqualTo("40");
        assertThat(JSON.writeValueAsString(new BigDecimal("4E+1"))).isEqualTo("40");
        assertThat(tree.get("spend").toString()).isEqualTo("1999.90");
    }
}
