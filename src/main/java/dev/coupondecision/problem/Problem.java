package dev.coupondecision.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 7807 problem details body; {@code violations} lists every rejected field of a bad request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "violations"})
@Schema(description = "RFC 7807 problem details", requiredProperties = {"type", "title", "status", "detail"})
public record Problem(
        @Schema(example = "https://coupon-decision.dev/problems/invalid-request") String type,
        @Schema(example = "Invalid decision request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields were rejected") String detail,
        @Schema(description = "Every rejected field of a bad request or upload; absent for other problems")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://coupon-decision.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    public static Problem invalidUpload(List<Violation> violations) {
        String parts = String.join(", ", violations.stream().map(v -> "'" + v.field() + "'").toList());
        return new Problem(TYPE_BASE + "invalid-upload", "Invalid rule file upload", 400,
                (violations.size() == 1 ? "1 part was rejected: " : violations.size() + " parts were rejected: ") + parts,
                violations);
    }

    public static Problem invalidOutcome(List<Violation> violations) {
        return new Problem(TYPE_BASE + "invalid-outcome", "Invalid outcome", 400,
                violations.size() == 1 ? "1 field was rejected" : violations.size() + " fields were rejected",
                violations);
    }

    /** Rejected path or query parameters of a read. */
    public static Problem invalidQuery(List<Violation> violations) {
        return new Problem(TYPE_BASE + "invalid-query", "Invalid query", 400,
                violations.size() == 1 ? "1 parameter was rejected" : violations.size() + " parameters were rejected",
                violations);
    }

    public static Problem invalidRequest(List<Violation> violations) {
        return new Problem(TYPE_BASE + "invalid-request", "Invalid decision request", 400,
                violations.size() == 1 ? "1 field was rejected" : violations.size() + " fields were rejected",
                violations);
    }
}
