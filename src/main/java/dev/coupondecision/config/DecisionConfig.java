package dev.coupondecision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Where the rules live and the defaults a decision request may leave out. */
@ConfigMapping(prefix = "coupon")
public interface DecisionConfig {

    /** Directory of DRL files, relative to the working directory unless absolute. */
    @WithDefault("rules")
    String rulesDir();

    /** Directory of XLSX decision tables, relative to the working directory unless absolute. */
    @WithDefault("decision-tables")
    String tablesDir();

    /** Directory of regression scenarios (JSON, one case per file) that every ruleset must pass. */
    @WithDefault("scenarios")
    String scenariosDir();

    /** Time zone of customers whose request names none. */
    @WithDefault("Asia/Shanghai")
    ZoneId defaultTimezone();
}
