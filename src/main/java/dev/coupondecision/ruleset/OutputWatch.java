package dev.coupondecision.ruleset;

import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.HoldoutGroup;
import dev.coupondecision.decision.facts.SendWindowSlot;
import dev.coupondecision.decision.facts.TierAssignment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells which outputs of one decision a rule's firing set, by comparing the decision facts after each firing with
 * what they held before it: the explanation of every output names the table row or rule that set it. A row that
 * inserts a tier assignment or a holdout group sets the tier or the holdout.
 */
final class OutputWatch {
    private final Decision decision;
    private final SendWindowSlot weekday;
    private final SendWindowSlot weekend;
    private final List<String> inserted = new ArrayList<>(1);
    private Object tier;
    private Object couponType;
    private BigDecimal amountOff;
    private BigDecimal minSpend;
    private BigDecimal percentOff;
    private Integer validHours;
    private String experiment;
    private String variant;
    private String category;
    private Integer capMax;
    private Integer capDays;
    private Object weekdayWindows;
    private Object weekendWindows;
    private int suppressions;

    OutputWatch(Decision decision, SendWindowSlot weekday, SendWindowSlot weekend) {
        this.decision = decision;
        this.weekday = weekday;
        this.weekend = weekend;
    }

    /** A fact the firing rule inserted. */
    void inserted(Object fact) {
        if (fact instanceof TierAssignment) {
            inserted.add("tier");
        } else if (fact instanceof HoldoutGroup) {
            inserted.add("holdout");
        }
    }

    /** The outputs that changed since the last call (or since the start), in a fixed order. */
    List<String> changes() {
        List<String> changes = inserted.isEmpty() ? null : new ArrayList<>(inserted);
        inserted.clear();
        if (decision.getTier() != tier) {
            tier = decision.getTier();
            if (changes == null || !changes.contains("tier")) { // a tier assignment's insert already said so
                changes = add(changes, "tier");
            }
        }
        if (couponChanged()) {
            changes = add(changes, "coupon");
        }
        if (!Objects.equals(decision.getCategory(), category)) {
            category = decision.getCategory();
            changes = add(changes, "coupon.category");
        }
        if (!Objects.equals(decision.getFrequencyCapMax(), capMax)
                || !Objects.equals(decision.getFrequencyCapPeriodDays(), capDays)) {
            capMax = decision.getFrequencyCapMax();
            capDays = decision.getFrequencyCapPeriodDays();
            changes = add(changes, "frequencyCap");
        }
        if (weekday.getWindows() != weekdayWindows) {
            weekdayWindows = weekday.getWindows();
            changes = add(changes, "sendWindow.weekday");
        }
        if (weekend.getWindows() != weekendWindows) {
            weekendWindows = weekend.getWindows();
            changes = add(changes, "sendWindow.weekend");
        }
        var all = decision.getSuppressions();
        for (; suppressions < all.size(); suppressions++) {
            changes = add(changes, "suppression:" + all.get(suppressions).getCode());
        }
        return changes == null ? List.of() : List.copyOf(changes);
    }

    /** The list with the output added; made only when a firing changed something (most change one output). */
    private static List<String> add(List<String> changes, String output) {
        List<String> list = changes == null ? new ArrayList<>(2) : changes;
        list.add(output);
        return list;
    }

    private boolean couponChanged() {
        Decision d = decision;
        if (d.getCouponType() == couponType && d.getAmountOff() == amountOff && d.getMinSpend() == minSpend
                && d.getPercentOff() == percentOff && Objects.equals(d.getValidHours(), validHours)
                && Objects.equals(d.getExperiment(), experiment) && Objects.equals(d.getVariant(), variant)) {
            return false;
        }
        couponType = d.getCouponType();
        amountOff = d.getAmountOff();
        minSpend = d.getMinSpend();
        percentOff = d.getPercentOff();
        validHours = d.getValidHours();
        experiment = d.getExperiment();
        variant = d.getVariant();
        return true;
    }
}
