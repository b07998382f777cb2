package dev.coupondecision.decision.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome the rules build for one customer: tier, coupon and frequency cap from the decision tables,
 * suppressions from the eligibility rules. Table actions call the setters; numbers arrive as whatever
 * numeric literal the cell held.
 */
public final class Decision {
    private Tier tier;
    private CouponType couponType;
    private BigDecimal amountOff;
    private BigDecimal minSpend;
    private BigDecimal percentOff;
    private Integer validHours;
    private String category;
    private String variant;
    private String experiment;
    private Integer frequencyCapMax;
    private Integer frequencyCapPeriodDays;
    private final List<Suppression> suppressions = new ArrayList<>(2);

    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }

    public CouponType getCouponType() { return couponType; }
    public void setCouponType(CouponType couponType) { this.couponType = couponType; }

    public BigDecimal getAmountOff() { return amountOff; }
    public void setAmountOff(Number amountOff) { this.amountOff = decimal(amountOff); }

    public BigDecimal getMinSpend() { return minSpend; }
    public void setMinSpend(Number minSpend) { this.minSpend = decimal(minSpend); }

    public BigDecimal getPercentOff() { return percentOff; }
    public void setPercentOff(Number percentOff) { this.percentOff = decimal(percentOff); }

    public Integer getValidHours() { return validHours; }
    public void setValidHours(Integer validHours) { this.validHours = validHours; }

    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }

    public String getVariant() { return variant; }
    public void setVariant(String variant) { this.variant = variant; }

    /** The A/B experiment the variant belongs to, such as {@code churned-offer}. */
    public String getExperiment() { return experiment; }
    public void setExperiment(String experiment) { this.experiment = experiment; }

    public Integer getFrequencyCapMax() { return frequencyCapMax; }
    public void setFrequencyCapMax(Integer frequencyCapMax) { this.frequencyCapMax = frequencyCapMax; }

    public Integer getFrequencyCapPeriodDays() { return frequencyCapPeriodDays; }
    public void setFrequencyCapPeriodDays(Integer periodDays) { this.frequencyCapPeriodDays = periodDays; }

    public List<Suppression> getSuppressions() { return suppressions; }

    /** Records a suppression and returns it, so a rule can also insert it as a fact. */
    public Suppression suppress(Suppression suppression) {
        suppressions.add(suppression);
        return suppression;
    }

    /** The number as written in the table: integers without a detour through their text, others by their text. */
    private static BigDecimal decimal(Number value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(value.longValue());
        }
        return new BigDecimal(value.toString());
    }
}
