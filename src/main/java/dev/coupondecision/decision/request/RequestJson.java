package dev.coupondecision.decision.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes a validated request back as the JSON {@link RequestParser} reads, with every default made explicit (asOf,
 * timezone, campaign) and the contact history that was used, so that deciding the written request again gives the
 * same decision: what the decision log keeps and a replay re-decides. Written with Jackson's streaming generator
 * (the decision log writes one per decision), field by field in the order below.
 */
public final class RequestJson {
    private static final JsonFactory JSON = new JsonFactory();

    private RequestJson() {
    }

    public static String write(DecisionRequest request) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(request, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a request could not be written as JSON", e);
        }
        return text.toString();
    }

    private static void write(DecisionRequest request, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("customerId", request.customerId());
        out.writeStringField("asOf", OffsetDateTimes.format(request.asOf(), request.timezone()));
        out.writeStringField("timezone", request.timezone().getId());
        out.writeBooleanField("smsConsent", request.smsConsent());
        out.writeBooleanField("unsubscribed", request.unsubscribed());
        out.writeNumberField("orderCount", request.orderCount());
        out.writeNumberField("ordersLast90Days", request.ordersLast90Days());
        out.writeNumberField("spendLast365Days", request.spendLast365Days());
        if (request.lastPurchaseDate() != null) {
            out.writeStringField("lastPurchaseDate", request.lastPurchaseDate().toString());
        }
        if (request.lastCartActivityDate() != null) {
            out.writeStringField("lastCartActivityDate", request.lastCartActivityDate().toString());
        }
        if (request.favoriteCategory() != null) {
            out.writeStringField("favoriteCategory", request.favoriteCategory());
        }
        if (request.birthday() != null) {
            out.writeStringField("birthday", request.birthday().toString().substring(2)); // --MM-dd → MM-dd
        }
        out.writeObjectFieldStart("campaign");
        if (request.campaign().id() != null) {
            out.writeStringField("id", request.campaign().id());
        }
        out.writeStringField("type", request.campaign().type().name());
        out.writeBooleanField("bigSale", request.campaign().bigSale());
        out.writeEndObject();
        if (request.contactHistorySource() != ContactHistorySource.NONE) {
            out.writeArrayFieldStart("contactHistory");
            for (DecisionRequest.Contact contact : request.contactHistory()) {
                out.writeStartObject();
                out.writeStringField("sentAt", OffsetDateTimes.format(contact.sentAt(), request.timezone()));
                out.writeStringField("campaignType", contact.campaignType().name());
                if (contact.campaignId() != null) {
                    out.writeStringField("campaignId", contact.campaignId());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
