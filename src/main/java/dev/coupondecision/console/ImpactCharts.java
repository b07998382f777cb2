package dev.coupondecision.console;

import dev.coupondecision.impact.ImpactReport;
import io.quarkus.qute.RawString;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The impact report drawn as inline SVG (no script, no chart library): the tier matrix as a heat map (rows: the
 * active version's tiers, columns: the candidate's; the diagonal is who stays) and bar charts of coupon-type and
 * eligibility changes.
 */
final class ImpactCharts {
    private static final int CELL = 64;
    private static final int LABEL = 96;

    private ImpactCharts() {
    }

    static RawString heatMap(Map<String, Map<String, Integer>> matrix) {
        Set<String> tiers = new LinkedHashSet<>(matrix.keySet());
        matrix.values().forEach(row -> tiers.addAll(row.keySet()));
        List<String> order = new ArrayList<>(tiers);
        int max = matrix.values().stream().flatMap(r -> r.entrySet().stream())
                .mapToInt(Map.Entry::getValue).max().orElse(1);
        int size = LABEL + CELL * order.size();
        int width = size + LABEL / 2;
        StringBuilder svg = new StringBuilder("<svg class=\"heatmap\" role=\"img\" aria-label=\"Tier changes: rows are the"
                + " active version's tiers, columns the candidate's\" width=\"" + width + "\" height=\"" + (size + 20)
                + "\" viewBox=\"0 0 " + width + " " + (size + 20) + "\">");
        for (int c = 0; c < order.size(); c++) {
            svg.append(text(LABEL + c * CELL + CELL / 4, LABEL - 6, order.get(c), "start", true));
        }
        for (int r = 0; r < order.size(); r++) {
            String from = order.get(r);
            svg.append(text(LABEL - 6, LABEL + r * CELL + CELL / 2 + 4, from, "end", false));
            for (int c = 0; c < order.size(); c++) {
                int count = matrix.getOrDefault(from, Map.of()).getOrDefault(order.get(c), 0);
                double share = count == 0 ? 0 : 0.15 + 0.85 * Math.log1p(count) / Math.log1p(max);
                String colour = r == c ? "46,125,50" : "198,40,40";
                svg.append("<rect x=\"").append(LABEL + c * CELL).append("\" y=\"").append(LABEL + r * CELL)
                        .append("\" width=\"").append(CELL - 2).append("\" height=\"").append(CELL - 2)
                        .append("\" fill=\"rgba(").append(colour).append(',').append(String.format("%.2f", share))
                        .append(")\" stroke=\"#ddd\"><title>").append(escape(from + " → " + order.get(c) + ": " + count))
                        .append("</title></rect>");
                if (count > 0) {
                    svg.append(text(LABEL + c * CELL + CELL / 2, LABEL + r * CELL + CELL / 2 + 4, String.valueOf(count),
                            "middle", false));
                }
            }
        }
        return new RawString(svg.append("</svg>").toString());
    }

    static RawString bars(List<ImpactReport.Transition> transitions) {
        if (transitions.isEmpty()) {
            return new RawString("<p class=\"none\">none</p>");
        }
        int max = transitions.stream().mapToInt(ImpactReport.Transition::count).max().orElse(1);
        int height = 24 * transitions.size() + 4;
        StringBuilder svg = new StringBuilder("<svg class=\"bars\" role=\"img\" width=\"560\" height=\"" + height
                + "\" viewBox=\"0 0 560 " + height + "\">");
        for (int i = 0; i < transitions.size(); i++) {
            ImpactReport.Transition t = transitions.get(i);
            int width = Math.max(2, 300 * t.count() / max);
            int y = 24 * i + 2;
            svg.append(text(200, y + 15, t.from() + " → " + t.to(), "end", false));
            svg.append("<rect x=\"208\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"18\" fill=\"#1f4e78\"><title>").append(escape(t.from() + " → " + t.to() + ": "
                            + t.count())).append("</title></rect>");
            svg.append(text(214 + width, y + 15, String.valueOf(t.count()), "start", false));
        }
        return new RawString(svg.append("</svg>").toString());
    }

    private static String text(int x, int y, String text, String anchor, boolean rotate) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"11\""
                + (rotate ? " transform=\"rotate(-45 " + x + " " + y + ")\"" : "") + ">" + escape(text) + "</text>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
