package dev.coupondecision.console;

import dev.coupondecision.report.CampaignReport;
import dev.coupondecision.report.GroupStats;
import dev.coupondecision.report.Uplift;
import io.quarkus.qute.RawString;

import java.util.Locale;
import java.util.Map;

/**
 * A campaign report drawn as inline SVG: redemption rates of the treated and holdout groups side by side, and a forest
 * plot of the uplift per breakdown value (a dot for the uplift, a line for its 95% interval, the zero line marked: an
 * interval that crosses it is not evidence of an effect).
 */
final class ReportCharts {
    private static final int LABEL = 300;
    private static final int PLOT = 360;
    private static final int ROW = 24;

    private ReportCharts() {
    }

    static RawString rates(Map<String, GroupStats> groups) {
        double max = groups.values().stream().map(GroupStats::redemptionRate).filter(r -> r != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        double scale = max <= 0 ? 1 : max;
        StringBuilder svg = new StringBuilder("<svg class=\"bars\" role=\"img\" aria-label=\"Redemption rate by group\""
                + " width=\"560\" height=\"" + (ROW * groups.size() + 4) + "\">");
        int i = 0;
        for (Map.Entry<String, GroupStats> group : groups.entrySet()) {
            Double rate = group.getValue().redemptionRate();
            int y = ROW * i++ + 2;
            int width = rate == null ? 0 : Math.max(2, (int) Math.round(300 * rate / scale));
            svg.append(text(100, y + 15, group.getKey() + " (" + group.getValue().customers() + ")", "end"));
            svg.append("<rect x=\"108\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"18\"")
                    .append(" fill=\"").append(group.getKey().equals("holdout") ? "#9e9e9e" : "#1f4e78").append("\"/>");
            svg.append(text(114 + width, y + 15, rate == null ? "no customers" : rate(rate), "start"));
        }
        return new RawString(svg.append("</svg>").toString());
    }

    static RawString forest(Map<String, CampaignReport.Segment> segments) {
        double low = -0.05;
        double high = 0.05;
        for (CampaignReport.Segment segment : segments.values()) {
            Uplift u = segment.uplift();
            if (u.ci95() != null) {
                low = Math.min(low, u.ci95().get(0));
                high = Math.max(high, u.ci95().get(1));
            }
        }
        low = Math.max(low, -1);
        high = Math.min(high, 1);
        int height = ROW * segments.size() + 24;
        StringBuilder svg = new StringBuilder("<svg class=\"forest\" role=\"img\" aria-label=\"Uplift with 95% interval"
                + " per value\" width=\"" + (LABEL + PLOT + 90) + "\" height=\"" + height + "\">");
        int zero = x(0, low, high);
        svg.append("<line x1=\"").append(zero).append("\" y1=\"0\" x2=\"").append(zero).append("\" y2=\"")
                .append(height - 20).append("\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>");
        svg.append(text(x(low, low, high), height - 6, percent(low), "start"));
        svg.append(text(zero, height - 6, "0", "middle"));
        svg.append(text(x(high, low, high), height - 6, percent(high), "end"));
        int i = 0;
        for (Map.Entry<String, CampaignReport.Segment> segment : segments.entrySet()) {
            int y = ROW * i++ + 12;
            Uplift u = segment.getValue().uplift();
            // a coupon row is named by its rule and row; the file and sheet are in the tooltip and the JSON
            String label = segment.getKey().replaceAll(" \\([^()]+\\.xlsx › [^›]+ › (row \\d+)\\)$", " ($1)")
                    + " (" + segment.getValue().treated().customers() + " / " + segment.getValue().holdout().customers() + ")";
            svg.append(text(LABEL - 8, y + 4, label.length() > 48 ? label.substring(0, 47) + "…" : label, "end"));
            if (u.absolute() == null) {
                svg.append(text(LABEL + 4, y + 4, "no holdout customers to compare with", "start"));
                continue;
            }
            svg.append("<line x1=\"").append(x(u.ci95().get(0), low, high)).append("\" y1=\"").append(y)
                    .append("\" x2=\"").append(x(u.ci95().get(1), low, high)).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#1f4e78\" stroke-width=\"2\"/>");
            svg.append("<circle cx=\"").append(x(u.absolute(), low, high)).append("\" cy=\"").append(y)
                    .append("\" r=\"5\" fill=\"#1f4e78\"><title>").append(escape(segment.getKey() + ": "
                            + percent(u.absolute()) + " [" + percent(u.ci95().get(0)) + ", " + percent(u.ci95().get(1))
                            + "]")).append("</title></circle>");
            svg.append(text(LABEL + PLOT + 8, y + 4, percent(u.absolute()), "start"));
        }
        return new RawString(svg.append("</svg>").toString());
    }

    static String rate(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%+.1f%%", 100 * value).replace("+0.0%", "0.0%");
    }

    private static int x(double value, double low, double high) {
        double clipped = Math.max(low, Math.min(high, value));
        return LABEL + (int) Math.round(PLOT * (clipped - low) / (high - low));
    }

    private static String text(int x, int y, String text, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"11\">" + escape(text)
                + "</text>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
