package demo.robot;

import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.File;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.text.JTextComponent;

/**
 * The person at the keyboard, for end-to-end tests: when a program run under the agent shows
 * Mayday's consent dialog, this clicks and types in it with a real {@link Robot}, through the X
 * server, like a person would. Asked for with system properties:
 *
 * <ul>
 * <li>{@code demo.robot} = {@code send} or {@code dontSend}: the button to press at the end;</li>
 * <li>{@code demo.robot.comment}, {@code demo.robot.email}: text to type into those fields
 *     (letters, digits, space and common punctuation of a US keyboard);</li>
 * <li>{@code demo.robot.view=true}: open "View report" first;</li>
 * <li>{@code demo.robot.earlier=false}: untick "Also send N earlier problem reports" (it says
 *     {@code robot: offered "..." [x]} either way, or {@code robot: no earlier reports offered});</li>
 * <li>{@code demo.robot.screenshot}: a PNG file for a picture of the dialog before the last click.</li>
 * </ul>
 *
 * It prints {@code robot: clicked send} (or {@code dontSend}), or {@code robot: no dialog} when
 * none appeared within 30 s, or {@code robot: } and what went wrong. It never throws.
 *
 * <p>After each action it waits for its effect (focus, the typed text, the opened report) rather
 * than calling {@code Robot.waitForIdle()}, which often stalls for its full 10 s while a text
 * caret blinks.
 */
public final class ConsentRobot {

    private static final String DIALOG = "mayday.dialog";
    private static final long DIALOG_TIMEOUT_MILLIS = 30_000;
    private static final long EFFECT_TIMEOUT_MILLIS = 3_000;

    private final Robot robot;

    private ConsentRobot(Robot robot) {
        this.robot = robot;
    }

    /** Starts the robot on a daemon thread if {@code demo.robot} is set; does nothing otherwise. */
    public static void startIfRequested() {
        String button = System.getProperty("demo.robot");
        if (button == null) {
            return;
        }
        Thread thread = new Thread(() -> run(button), "consent-robot");
        thread.setDaemon(true); // it must never keep the program alive
        thread.start();
    }

    private static void run(String button) {
        try {
            if (!button.equals("send") && !button.equals("dontSend")) {
                say("demo.robot must be send or dontSend, not " + button);
                return;
            }
            Window dialog = awaitSettledDialog();
            if (dialog == null) {
                say("no dialog");
                return;
            }
            Robot robot = new Robot();
            robot.setAutoDelay(20);
            new ConsentRobot(robot).answer(dialog, button);
        } catch (Throwable e) {
            say(String.valueOf(e));
        }
    }

    private void answer(Window dialog, String button) throws Exception {
        fill(dialog, "mayday.comment", System.getProperty("demo.robot.comment"));
        fill(dialog, "mayday.email", System.getProperty("demo.robot.email"));
        earlierOffer(dialog);
        if (Boolean.getBoolean("demo.robot.view")) {
            click(find(dialog, "mayday.viewReport"));
            Component report = find(dialog, "mayday.report");
            await(report::isShowing, "the report did not open");
            awaitSettled(dialog); // it grew and was re-packed
        }
        String screenshot = System.getProperty("demo.robot.screenshot");
        if (screenshot != null && !screenshot.isEmpty()) {
            screenshot(dialog, new File(screenshot));
        }
        Point centre = centreOf(find(dialog, "mayday." + button));
        robot.mouseMove(centre.x, centre.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        // Said between press and release: a button acts on release, and after "send" the program may
        // exit at once (onCrash=exit), before a line printed afterwards would be written.
        say("clicked " + button);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    }

    /**
     * Says whether earlier problem reports are offered ({@code robot: offered "Also send 1 earlier
     * problem report" [x]}), and unticks the offer with {@code demo.robot.earlier=false}.
     */
    private void earlierOffer(Window dialog) throws Exception {
        AbstractButton box = (AbstractButton) onEventThread(() -> findIn(dialog, "mayday.earlier"));
        if (box == null) {
            say("no earlier reports offered");
            return;
        }
        say("offered \"" + onEventThread(box::getText) + "\" " + (onEventThread(box::isSelected) ? "[x]" : "[ ]"));
        if ("false".equals(System.getProperty("demo.robot.earlier")) && onEventThread(box::isSelected)) {
            click(box);
            await(() -> !box.isSelected(), "the earlier reports' box did not untick");
        }
    }

    /** Clicks into a text field and types; skipped when there is nothing to type. */
    private void fill(Window dialog, String name, String text) throws Exception {
        if (text == null || text.isEmpty()) {
            return;
        }
        JTextComponent field = (JTextComponent) find(dialog, name);
        click(field);
        await(field::isFocusOwner, name + " did not take the focus");
        String before = onEventThread(field::getText);
        String typed = type(text);
        await(() -> field.getText().equals(before + typed), "the text typed did not arrive in " + name);
    }

    private void click(Component component) throws Exception {
        Point centre = centreOf(component);
        robot.mouseMove(centre.x, centre.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    }

    /** Types what a US keyboard layout can (Xvfb's default) and returns that; other characters are left out. */
    private String type(String text) {
        StringBuilder typed = new StringBuilder();
        for (char c : text.toCharArray()) {
            Key key = Key.of(c);
            if (key == null) {
                say("cannot type '" + c + "', left out");
                continue;
            }
            if (key.shift) {
                robot.keyPress(KeyEvent.VK_SHIFT);
            }
            robot.keyPress(key.code);
            robot.keyRelease(key.code);
            if (key.shift) {
                robot.keyRelease(KeyEvent.VK_SHIFT);
            }
            typed.append(c);
        }
        return typed.toString();
    }

    private void screenshot(Window dialog, File file) throws Exception {
        // Repaints queued by the last action (or by the window's first exposure) have run, twice over.
        for (int i = 0; i < 2; i++) {
            onEventThread(() -> null);
            robot.delay(150);
        }
        Rectangle bounds = onEventThread(() -> new Rectangle(dialog.getLocationOnScreen(), dialog.getSize()));
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null) {
            parent.mkdirs();
        }
        ImageIO.write(robot.createScreenCapture(bounds), "png", file);
    }

    /** Polls the application's windows for Mayday's dialog, then waits until it stops moving or growing. */
    private static Window awaitSettledDialog() throws Exception {
        long deadline = System.currentTimeMillis() + DIALOG_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (Window window : Window.getWindows()) {
                if (DIALOG.equals(window.getName()) && window.isShowing()) {
                    awaitSettled(window);
                    return window;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Until the window's bounds stayed the same for 300 ms (at most 3 s). */
    private static void awaitSettled(Window window) throws Exception {
        long deadline = System.currentTimeMillis() + EFFECT_TIMEOUT_MILLIS;
        Rectangle last = onEventThread(window::getBounds);
        long since = System.currentTimeMillis();
        while (System.currentTimeMillis() - since < 300 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            Rectangle now = onEventThread(window::getBounds);
            if (!now.equals(last)) {
                last = now;
                since = System.currentTimeMillis();
            }
        }
    }

    private static Component find(Container root, String name) throws Exception {
        Component found = onEventThread(() -> findIn(root, name));
        if (found == null) {
            throw new IllegalStateException("no component named " + name);
        }
        return found;
    }

    private static Component findIn(Container container, String name) {
        for (Component child : container.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container) {
                Component found = findIn((Container) child, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Point centreOf(Component component) throws Exception {
        return onEventThread(() -> {
            Point p = component.getLocationOnScreen();
            return new Point(p.x + component.getWidth() / 2, p.y + component.getHeight() / 2);
        });
    }

    private static void await(Supplier<Boolean> condition, String failure) throws Exception {
        long deadline = System.currentTimeMillis() + EFFECT_TIMEOUT_MILLIS;
        while (!onEventThread(condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(20);
        }
    }

    /** Swing components are read on the event thread (a modal dialog's nested loop serves this too). */
    private static <T> T onEventThread(Supplier<T> read) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> value.set(read.get()));
        return value.get();
    }

    private static void say(String line) {
        System.out.println("robot: " + line);
        System.out.flush();
    }

    /** A key on a US keyboard, with or without shift. */
    private static final class Key {
        private static final String PLAIN = " .,-/;='";
        private static final int[] PLAIN_CODES = {KeyEvent.VK_SPACE, KeyEvent.VK_PERIOD, KeyEvent.VK_COMMA,
            KeyEvent.VK_MINUS, KeyEvent.VK_SLASH, KeyEvent.VK_SEMICOLON, KeyEvent.VK_EQUALS, KeyEvent.VK_QUOTE};
        private static final String SHIFTED = "!@#$%&*()_+:?\"";
        private static final int[] SHIFTED_CODES = {KeyEvent.VK_1, KeyEvent.VK_2, KeyEvent.VK_3, KeyEvent.VK_4,
            KeyEvent.VK_5, KeyEvent.VK_7, KeyEvent.VK_8, KeyEvent.VK_9, KeyEvent.VK_0, KeyEvent.VK_MINUS,
            KeyEvent.VK_EQUALS, KeyEvent.VK_SEMICOLON, KeyEvent.VK_SLASH, KeyEvent.VK_QUOTE};

        final int code;
        final boolean shift;

        private Key(int code, boolean shift) {
            this.code = code;
            this.shift = shift;
        }

        static Key of(char c) {
            if (c >= 'a' && c <= 'z') {
                return new Key(KeyEvent.VK_A + (c - 'a'), false);
            }
            if (c >= 'A' && c <= 'Z') {
                return new Key(KeyEvent.VK_A + (c - 'A'), true);
            }
            if (c >= '0' && c <= '9') {
                return new Key(KeyEvent.VK_0 + (c - '0'), false);
            }
            int plain = PLAIN.indexOf(c);
            if (plain >= 0) {
                return new Key(PLAIN_CODES[plain], false);
            }
            int shifted = SHIFTED.indexOf(c);
            return shifted >= 0 ? new Key(SHIFTED_CODES[shifted], true) : null;
        }
    }
}
