package dev.coupondecision.decision.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The messages already sent to a customer, newest first, as seen at the decision instant {@code asOf}. */
public final class ContactHistory {

    /** One message sent to the customer. */
    public record Contact(Instant sentAt, CampaignType campaignType, String campaignId) {
        public Contact {
            Objects.requireNonNull(sentAt, "sentAt");
            Objects.requireNonNull(campaignType, "campaignType");
        }
    }

    private final Instant asOf;
    private final String currentCampaignId;
    private final Contact[] newestFirst;

    /** @param currentCampaignId the campaign the message being decided belongs to, if it has an id */
    public ContactHistory(Instant asOf, String currentCampaignId, List<Contact> contacts) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.currentCampaignId = currentCampaignId;
        this.newestFirst = contacts.toArray(new Contact[0]);
        Arrays.sort(newestFirst, Comparator.comparing(Contact::sentAt).reversed());
    }

    public String getCurrentCampaignId() {
        return currentCampaignId;
    }

    /** Whether a message of the current campaign was already sent. */
    public boolean isCurrentCampaignAlreadySent() {
        if (currentCampaignId == null) {
            return false;
        }
        for (Contact contact : newestFirst) {
            if (currentCampaignId.equals(contact.campaignId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks a rolling cap: messages with {@code sentAt > asOf - periodDays x 24h}, of {@code onlyType} when
     * it is given. The cap is reached when that count is at least {@code maxMessages}; it frees when the
     * {@code maxMessages}-th most recent counted message leaves the window (never, for a max of 0).
     *
     * @return the FREQUENCY_CAP suppression when the cap is reached, else an empty list (for DRL {@code from})
     */
    public List<Suppression> capBreach(String cap, int maxMessages, int periodDays, CampaignType onlyType) {
        Duration period = Duration.ofDays(periodDays);
        Instant windowStart = asOf.minus(period);
        int count = 0;
        Instant maxthMostRecent = null;
        for (Contact contact : newestFirst) {
            if (!contact.sentAt().isAfter(windowStart)) {
                break;
            }
            if (onlyType == null || onlyType == contact.campaignType()) {
                count++;
                if (count == maxMessages) {
                    maxthMostRecent = contact.sentAt();
                }
            }
        }
        if (count < maxMessages) {
            return List.of();
        }
        Instant until = maxMessages == 0 ? null : maxthMostRecent.plus(period);
        return List.of(Suppression.frequencyCap(cap, maxMessages, periodDays, onlyType, count, until));
    }
}
