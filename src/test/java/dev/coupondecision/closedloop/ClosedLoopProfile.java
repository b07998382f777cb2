package dev.coupondecision.closedloop;

import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference ruleset plus the shipped holdout table and rule, with the table's one row turned to campaign
 * {@code c1}: 10% held out by experiment key {@code c1-holdout}. A scenario pins the row, as every row must be.
 */
public class ClosedLoopProfile implements QuarkusTestProfile {
    static final String CAMPAIGN = "c1";
    static final String EXPERIMENT = "c1-holdout";
    static final int PERCENT = 10;
    private static Map<String, String> overrides;

    /** The tables directory of this JVM's copy. */
    static synchronized String tablesDir() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("coupon.tables-dir", String.class);
    }

    @Override
    public synchronized Map<String, String> getConfigOverrides() {
        if (overrides == null) {
            overrides = withHoldoutFor(CAMPAIGN, EXPERIMENT, PERCENT);
        }
        return overrides;
    }

    static Map<String, String> withHoldoutFor(String campaign, String experiment, int percent) {
        try {
            RulesetCopy copy = RulesetCopy.of(Files.createTempDirectory(Files.createDirectories(Path.of("target")),
                    "coupon-closed-loop-"));
            Files.copy(Path.of("rules/eligibility.drl"), copy.drl("eligibility.drl"), StandardCopyOption.REPLACE_EXISTING);
            Path holdouts = copy.tables().resolve("holdouts.xlsx");
            Files.copy(Path.of("decision-tables/holdouts.xlsx"), holdouts);
            TableEdit.edit(holdouts, table -> table
                    .set(table.refOf("Holdout demo", "Campaign id (empty: every campaign)"), campaign)
                    .set(table.refOf("Holdout demo", "Experiment key, percent held out"), experiment + ", " + percent));
            String heldOut = HoldoutBuckets.firstCustomer(experiment, bucket -> bucket < percent);
            Files.createDirectories(copy.scenarios().resolve("holdouts"));
            Files.writeString(copy.scenarios().resolve("holdouts/held-out.json"), """
                    {"name": "A customer in the %1$s control group is held out",
                     "request": {"customerId": "%2$s", "asOf": "2026-11-18T12:00:00+08:00", "smsConsent": true,
                                 "orderCount": 2, "ordersLast90Days": 1, "spendLast365Days": 300,
                                 "lastPurchaseDate": "2026-11-10", "campaign": {"id": "%1$s"}},
                     "expect": {"tier": "ACTIVE", "coupon": {"type": "SPEND_AND_SAVE"}, "eligible": false,
                                "suppressions": [{"code": "HOLDOUT", "experiment": "%3$s"}]}}
                    """.formatted(campaign, heldOut, experiment));
            Map<String, String> config = new HashMap<>();
            config.put("coupon.rules-dir", copy.rules().toString());
            config.put("coupon.tables-dir", copy.tables().toString());
            config.put("coupon.scenarios-dir", copy.scenarios().toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
