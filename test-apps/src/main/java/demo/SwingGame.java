package demo;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * A small Swing game: a square moves across a window, 60 frames a second, driven by a main loop
 * on the main thread. {@code tick()} fails at frame 30 (run it with
 * {@code mainLoop=demo.SwingGame#tick}). Like {@link Game}, the loop catches and hides what its
 * frame throws: without Mayday the game plays on for its 2 seconds and closes, the failure lost.
 * With a display and {@code -Ddemo.robot=send}, a {@link demo.robot.ConsentRobot} answers
 * Mayday's dialog.
 */
public class SwingGame {
    private static final int FAIL_AT = 30;
    private static final int FRAMES = 120;
    private static final int SQUARE = 40;

    private final Board board = new Board();
    volatile int frame;
    volatile int x;

    void tick() {
        frame++;
        x = (x + 6) % (board.getWidth() > SQUARE ? board.getWidth() - SQUARE : 360);
        if (frame == FAIL_AT) {
            throw new IllegalStateException("level 3 has no spawn point");
        }
    }

    public static void main(String[] args) throws Exception {
        demo.robot.ConsentRobot.startIfRequested();
        SwingGame game = new SwingGame();
        JFrame[] window = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> window[0] = game.open());
        int hidden = 0;
        while (game.frame < FRAMES) {
            try {
                game.tick();
            } catch (RuntimeException e) {
                hidden++; // the game's own handling hides the failure
            }
            SwingUtilities.invokeAndWait(game.board::repaint);
            Thread.sleep(1000 / 60);
        }
        SwingUtilities.invokeAndWait(window[0]::dispose);
        System.out.println("game over after " + game.frame + " frames, " + hidden + " failures hidden");
    }

    private JFrame open() {
        JFrame window = new JFrame("Swing game");
        window.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        board.setPreferredSize(new Dimension(400, 300));
        window.add(board);
        window.pack();
        window.setLocationRelativeTo(null);
        window.setVisible(true);
        return window;
    }

    /** Paints the square where the last tick put it. */
    private final class Board extends JPanel {
        private static final long serialVersionUID = 1L;

        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            g.setColor(new Color(20, 24, 40));
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setColor(new Color(240, 180, 40));
            g.fillRect(x, getHeight() / 2 - SQUARE / 2, SQUARE, SQUARE);
            g.setColor(Color.WHITE);
            g.drawString("frame " + frame, 10, 20);
        }
    }
}
