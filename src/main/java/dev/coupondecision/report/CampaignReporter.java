package dev.coupondecision.report;

import dev.coupondecision.decisionlog.CampaignDecision;
import dev.coupondecision.outcome.OutcomeStore.CampaignOutcome;
import dev.coupondecision.outcome.OutcomeType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes a campaign report from the campaign's logged decisions and outcomes: a pure function, exact in money
 * (decimals), rates as doubles. A customer counts once, in the group of their latest decision in the campaign.
 */
public final class CampaignReporter {
    static final String TREATED = "treated";
    static final String HOLDOUT = "holdout";
    private static final String NONE = "none";

    private CampaignReporter() {
    }

    private record Customer(CampaignDecision decision, boolean sent, boolean redeemed, BigDecimal revenue,
                            BigDecimal cost) {
        boolean holdout() {
            return decision.holdout();
        }
    }

    /** @param decisions the campaign's decisions, each customer's in the order they were made */
    public static CampaignReport report(String campaignId, List<CampaignDecision> decisions,
                                        List<CampaignOutcome> outcomes) {
        Map<String, CampaignDecision> latest = new HashMap<>();
        for (CampaignDecision decision : decisions) {
            latest.put(decision.customerId(), decision);
        }
        Map<String, List<CampaignOutcome>> outcomesByCustomer = new HashMap<>();
        for (CampaignOutcome outcome : outcomes) {
            outcomesByCustomer.computeIfAbsent(outcome.customerId(), id -> new java.util.ArrayList<>()).add(outcome);
        }
        int unmatched = (int) outcomesByCustomer.keySet().stream().filter(id -> !latest.containsKey(id)).count();
        List<Customer> customers = latest.values().stream()
                .map(d -> customer(d, outcomesByCustomer.getOrDefault(d.customerId(), List.of()))).toList();

        Map<String, Accumulator> groups = new LinkedHashMap<>();
        groups.put(TREATED, new Accumulator());
        groups.put(HOLDOUT, new Accumulator());
        customers.forEach(c -> groups.get(c.holdout() ? HOLDOUT : TREATED).add(c));
        Accumulator treated = groups.get(TREATED);
        Accumulator holdout = groups.get(HOLDOUT);

        Map<String, Map<String, CampaignReport.Segment>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("tier", breakdown(customers, c -> orNone(c.decision().tier())));
        breakdowns.put("couponType", breakdown(customers, c -> orNone(c.decision().couponType())));
        breakdowns.put("variant", breakdown(customers, c -> c.decision().experiment() == null ? NONE
                : c.decision().experiment() + "/" + c.decision().variant()));
        breakdowns.put("couponRow", breakdown(customers, c -> c.decision().couponRule() == null ? NONE
                : c.decision().couponRule() + " (" + c.decision().couponSource() + ")"));

        Map<String, GroupStats> groupStats = new LinkedHashMap<>();
        groups.forEach((name, accumulator) -> groupStats.put(name, accumulator.stats()));
        return new CampaignReport(campaignId, groupStats, treated.upliftOver(holdout), money(treated, holdout),
                breakdowns, variants(customers), unmatched);
    }

    private static Customer customer(CampaignDecision decision, List<CampaignOutcome> outcomes) {
        boolean sent = false;
        boolean redeemed = false;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (CampaignOutcome outcome : outcomes) {
            if (outcome.type() == OutcomeType.SENT) {
                sent = true;
                continue;
            }
            redeemed = true;
            BigDecimal order = outcome.orderAmount() == null ? BigDecimal.ZERO : outcome.orderAmount();
            revenue = revenue.add(order);
            if (!decision.holdout()) {
                cost = cost.add(couponCost(decision, order));
            }
        }
        return new Customer(decision, sent, redeemed, revenue, cost);
    }

    /** What one redemption costs: the amount off, or for a percent coupon that percentage of the order. */
    static BigDecimal couponCost(CampaignDecision decision, BigDecimal orderAmount) {
        if (decision.amountOff() != null) {
            return decision.amountOff();
        }
        if (decision.percentOff() != null) {
            return orderAmount.multiply(decision.percentOff()).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
        }
        return BigDecimal.ZERO;
    }

    private static Map<String, CampaignReport.Segment> breakdown(List<Customer> customers, Function<Customer, String> key) {
        Map<String, Accumulator[]> byKey = new TreeMap<>();
        for (Customer customer : customers) {
            Accumulator[] pair = byKey.computeIfAbsent(key.apply(customer),
                    k -> new Accumulator[]{new Accumulator(), new Accumulator()});
            pair[customer.holdout() ? 1 : 0].add(customer);
        }
        Map<String, CampaignReport.Segment> segments = new LinkedHashMap<>();
        byKey.forEach((value, pair) -> segments.put(value,
                new CampaignReport.Segment(pair[0].stats(), pair[1].stats(), pair[0].upliftOver(pair[1]))));
        return segments;
    }

    private static List<CampaignReport.VariantComparison> variants(List<Customer> customers) {
        Map<String, Map<String, Accumulator>> byExperiment = new TreeMap<>();
        for (Customer customer : customers) {
            if (!customer.holdout() && customer.decision().experiment() != null) {
                byExperiment.computeIfAbsent(customer.decision().experiment(), e -> new TreeMap<>())
                        .computeIfAbsent(String.valueOf(customer.decision().variant()), v -> new Accumulator())
                        .add(customer);
            }
        }
        return byExperiment.entrySet().stream().map(experiment -> {
            Map<String, Accumulator> variants = experiment.getValue();
            String baseline = variants.keySet().iterator().next();
            Map<String, GroupStats> stats = new LinkedHashMap<>();
            Map<String, Uplift> differences = new LinkedHashMap<>();
            variants.forEach((variant, accumulator) -> {
                stats.put(variant, accumulator.stats());
                if (!variant.equals(baseline)) {
                    differences.put(variant, accumulator.upliftOver(variants.get(baseline)));
                }
            });
            return new CampaignReport.VariantComparison(experiment.getKey(), baseline, stats, differences);
        }).toList();
    }

    private static CampaignReport.Money money(Accumulator treated, Accumulator holdout) {
        if (treated.customers == 0 || holdout.customers == 0) {
            return new CampaignReport.Money(null, null, treated.cost, null, null);
        }
        // revenue per customer gained, times the treated customers: revenue_t - revenue_h × n_t / n_h
        BigDecimal incremental = treated.revenue.subtract(holdout.revenue.multiply(BigDecimal.valueOf(treated.customers))
                .divide(BigDecimal.valueOf(holdout.customers), 2, RoundingMode.HALF_EVEN));
        BigDecimal perCustomer = treated.revenue.divide(BigDecimal.valueOf(treated.customers), 10, RoundingMode.HALF_EVEN)
                .subtract(holdout.revenue.divide(BigDecimal.valueOf(holdout.customers), 10, RoundingMode.HALF_EVEN))
                .setScale(4, RoundingMode.HALF_EVEN);
        BigDecimal net = incremental.subtract(treated.cost);
        BigDecimal roi = treated.cost.signum() == 0 ? null : net.divide(treated.cost, 4, RoundingMode.HALF_EVEN);
        return new CampaignReport.Money(perCustomer, incremental, treated.cost, net, roi);
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    private static final class Accumulator {
        int customers;
        int sent;
        int redeemed;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;

        void add(Customer customer) {
            customers++;
            sent += customer.sent() ? 1 : 0;
            redeemed += customer.redeemed() ? 1 : 0;
            revenue = revenue.add(customer.revenue());
            cost = cost.add(customer.cost());
        }

        GroupStats stats() {
            return new GroupStats(customers, sent, redeemed, customers == 0 ? null : (double) redeemed / customers,
                    revenue, customers == 0 ? null : revenue.divide(BigDecimal.valueOf(customers), 4, RoundingMode.HALF_EVEN),
                    cost);
        }

        Uplift upliftOver(Accumulator control) {
            return Uplift.between(redeemed, customers, control.redeemed, control.customers);
        }
    }
}
