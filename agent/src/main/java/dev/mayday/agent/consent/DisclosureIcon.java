package dev.mayday.agent.consent;

import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import javax.swing.Icon;

/**
 * The small triangle of a "show details" toggle: pointing right when closed, down when open.
 * Drawn rather than taken from the Look and Feel, whose tree icons differ too much (Metal's are
 * handles, not triangles).
 */
final class DisclosureIcon implements Icon {

    private final int size;
    private final boolean open;

    DisclosureIcon(int size, boolean open) {
        this.size = size;
        this.open = open;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(c.getForeground());
            int s = size;
            int half = s / 2;
            Polygon triangle = new Polygon();
            if (open) {
                int top = y + s / 4;
                triangle.addPoint(x, top);
                triangle.addPoint(x + s, top);
                triangle.addPoint(x + half, top + half + 1);
            } else {
                int left = x + s / 4;
                triangle.addPoint(left, y);
                triangle.addPoint(left, y + s);
                triangle.addPoint(left + half + 1, y + half);
            }
            g2.fill(triangle);
        } finally {
            g2.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }
}
