package dev.coupondecision.decision.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a customer is not eligible now. Frequency-cap suppressions carry the cap that was reached, how many
 * messages counted against it and when it frees again ({@code until}, null when it never does).
 */
public final class Suppression {
    private final SuppressionCode code;
    private final String message;
    private final String cap;
    private final Integer maxMessages;
    private final Integer periodDays;
    private final CampaignType campaignType;
    private final Integer count;
    private final Instant until;
    private final String campaignId;
    private final String experiment;

    private Suppression(SuppressionCode code, String message, String cap, Integer maxMessages, Integer periodDays,
                        CampaignType campaignType, Integer count, Instant until, String campaignId, String experiment) {
        this.code = Objects.requireNonNull(code, "code");
        this.message = Objects.requireNonNull(message, "message");
        this.cap = cap;
        this.maxMessages = maxMessages;
        this.periodDays = periodDays;
        this.campaignType = campaignType;
        this.count = count;
        this.until = until;
        this.campaignId = campaignId;
        this.experiment = experiment;
    }

    public static Suppression hard(SuppressionCode code, String message) {
        if (!code.isHard()) {
            throw new IllegalArgumentException(code + " is not a hard suppression");
        }
        return new Suppression(code, message, null, null, null, null, null, null, null, null);
    }

    public static Suppression duplicateCampaign(String campaignId) {
        return new Suppression(SuppressionCode.DUPLICATE_CAMPAIGN,
                "Campaign " + campaignId + " was already sent to this customer",
                null, null, null, null, null, null, campaignId, null);
    }

    /** The customer is in the control group of a holdout experiment: bucket 0-99 below the held-out percentage. */
    public static Suppression holdout(String experiment, int percent, int bucket) {
        return new Suppression(SuppressionCode.HOLDOUT, "Held out as the control group of " + experiment + " (bucket "
                + bucket + " of 0-99, below " + percent + "%): decided as usual but not sent, to measure uplift",
                null, null, null, null, null, null, null, experiment);
    }

    public static Suppression frequencyCap(String cap, int maxMessages, int periodDays, CampaignType campaignType,
                                           int count, Instant until) {
        String scope = (campaignType == null ? "" : campaignType + " ") + (count == 1 ? "message" : "messages");
        return new Suppression(SuppressionCode.FREQUENCY_CAP,
                "Frequency cap " + cap + " reached: " + count + " " + scope + " in the last " + periodDays
                        + " days, at most " + maxMessages + " allowed",
                cap, maxMessages, periodDays, campaignType, count, until, null, null);
    }

    public SuppressionCode getCode() { return code; }
    public boolean isHard() { return code.isHard(); }
    public String getMessage() { return message; }
    public String getCap() { return cap; }
    public Integer getMaxMessages() { return maxMessages; }
    public Integer getPeriodDays() { return periodDays; }
    public CampaignType getCampaignType() { return campaignType; }
    public Integer getCount() { return count; }
    /** When this cap frees again; null for hard suppressions and for caps that never free (a max of 0). */
    public Instant getUntil() { return until; }
    public String getCampaignId() { return campaignId; }
    /** The holdout experiment (HOLDOUT). */
    public String getExperiment() { return experiment; }
}
