package demo;

import java.util.logging.Logger;

/**
 * A game-style main loop that, like many real ones, catches and hides every exception its
 * frame throws. {@code tick()} fails at frame {@code args[0]} (default 5). Without Mayday the
 * program would run all 1000 frames and exit 0, the failure lost.
 */
public class Game {
    private static final Logger LOG = Logger.getLogger("demo.Game");
    private final int failAt;
    int frame;

    Game(int failAt) {
        this.failAt = failAt;
    }

    void tick() {
        frame++;
        LOG.info("frame " + frame + " rendered");
        System.out.println("tick " + frame);
        if (frame == failAt) {
            String level = null;
            level.length();
        }
    }

    public static void main(String[] args) {
        Game game = new Game(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        int hidden = 0;
        while (game.frame < 1000) {
            try {
                game.tick();
            } catch (RuntimeException e) {
                hidden++; // the application's own handling hides the failure
            }
        }
        System.out.println("game over after " + game.frame + " frames, " + hidden + " failures hidden");
    }
}
