package demo;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Declares its own {@code @MainLoop}: no Mayday dependency, no option needed. */
public class AnnotatedLoop {

    @Retention(RetentionPolicy.CLASS)
    @interface MainLoop {
    }

    private int step;

    @MainLoop
    int update() {
        step++;
        if (step == 3) {
            throw new IllegalStateException("inventory out of sync at step " + step);
        }
        return step;
    }

    public static void main(String[] args) {
        AnnotatedLoop loop = new AnnotatedLoop();
        int last = 0;
        for (int i = 0; i < 10; i++) {
            try {
                last = loop.update();
            } catch (IllegalStateException e) {
                System.out.println("app caught: " + e.getMessage());
            }
        }
        System.out.println("finished, last=" + last + " steps=" + loop.step);
        System.exit(loop.step == 10 ? 0 : 3);
    }
}
