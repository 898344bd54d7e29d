package dev.stride.engine.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Renders a {@link NetworkDiagram} as SVG text or, through java.awt off-screen (headless-safe), as a PNG. */
public final class DiagramWriter {
    private static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

    private DiagramWriter() {
    }

    public static String svg(NetworkDiagram diagram) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(diagram.width())
                .append("\" height=\"").append(diagram.height()).append("\" viewBox=\"0 0 ").append(diagram.width())
                .append(' ').append(diagram.height()).append("\">\n");
        svg.append("  <defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" "
                + "orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"#555555\"/></marker></defs>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (NetworkDiagram.Arrow arrow : diagram.arrows()) {
            svg.append("  <polyline points=\"");
            for (NetworkDiagram.Point point : arrow.points()) {
                svg.append(point.x()).append(',').append(point.y()).append(' ');
            }
            svg.setLength(svg.length() - 1);
            svg.append("\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n");
        }
        for (NetworkDiagram.Box box : diagram.boxes()) {
            svg.append("  <g id=\"").append(escape(box.id().value())).append("\">\n");
            svg.append("    <rect x=\"").append(box.x()).append("\" y=\"").append(box.y()).append("\" width=\"")
                    .append(box.width()).append("\" height=\"").append(box.height()).append("\" rx=\"6\" fill=\"")
                    .append(box.fill()).append("\" stroke=\"#4a4a4a\"/>\n");
            int cx = box.x() + box.width() / 2;
            text(svg, cx, box.y() + 20, 13, "bold", box.title());
            text(svg, cx, box.y() + 38, 12, "normal", box.shape());
            text(svg, cx, box.y() + 54, 12, "normal", box.params());
            svg.append("  </g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String value) {
        svg.append("    <text x=\"").append(x).append("\" y=\"").append(y).append("\" font-family=\"").append(FONT)
                .append("\" font-size=\"").append(size).append("\" font-weight=\"").append(weight)
                .append("\" text-anchor=\"middle\" fill=\"#1a1a1a\">").append(escape(value)).append("</text>\n");
    }

    /** PNG bytes at the given scale (2 gives a sharp image on high-density screens). */
    public static byte[] png(NetworkDiagram diagram, double scale) throws IOException {
        int width = (int) Math.ceil(diagram.width() * scale);
        int height = (int) Math.ceil(diagram.height() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, diagram.width(), diagram.height());
            g.setColor(new Color(0x555555));
            g.setStroke(new BasicStroke(1.5f));
            for (NetworkDiagram.Arrow arrow : diagram.arrows()) {
                List<NetworkDiagram.Point> points = arrow.points();
                for (int i = 1; i < points.size(); i++) {
                    g.drawLine(points.get(i - 1).x(), points.get(i - 1).y(), points.get(i).x(), points.get(i).y());
                }
                NetworkDiagram.Point tip = points.get(points.size() - 1);
                NetworkDiagram.Point before = points.get(points.size() - 2);
                double angle = Math.atan2(tip.y() - before.y(), tip.x() - before.x());
                Polygon head = new Polygon();
                head.addPoint(tip.x(), tip.y());
                head.addPoint((int) Math.round(tip.x() - 10 * Math.cos(angle - 0.4)),
                        (int) Math.round(tip.y() - 10 * Math.sin(angle - 0.4)));
                head.addPoint((int) Math.round(tip.x() - 10 * Math.cos(angle + 0.4)),
                        (int) Math.round(tip.y() - 10 * Math.sin(angle + 0.4)));
                g.fillPolygon(head);
            }
            Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 13);
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            for (NetworkDiagram.Box box : diagram.boxes()) {
                g.setColor(Color.decode(box.fill()));
                g.fillRoundRect(box.x(), box.y(), box.width(), box.height(), 12, 12);
                g.setColor(new Color(0x4a4a4a));
                g.drawRoundRect(box.x(), box.y(), box.width(), box.height(), 12, 12);
                g.setColor(new Color(0x1a1a1a));
                centred(g, bold, box.title(), box.x() + box.width() / 2, box.y() + 20);
                centred(g, plain, box.shape(), box.x() + box.width() / 2, box.y() + 38);
                centred(g, plain, box.params(), box.x() + box.width() / 2, box.y() + 54);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void centred(Graphics2D g, Font font, String text, int x, int y) {
        g.setFont(font);
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, x - width / 2, y);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
