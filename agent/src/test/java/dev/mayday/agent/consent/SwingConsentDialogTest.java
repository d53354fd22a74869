package dev.mayday.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.KeyboardFocusManager;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JCheckBox;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the real dialog with a real {@link Robot}: mouse clicks and key strokes through the X
 * server, as a person would. Needs a display ({@code DISPLAY}); skipped without one, except on CI
 * ({@code CI=true}), which provides Xvfb. Screenshots go to {@code target/screenshots/}.
 *
 * <p>It waits for what each action should lead to (focus, text, a shown report) rather than using
 * {@code Robot.waitForIdle()}: while a text caret blinks, that often runs into its 10 s time-out.
 */
class SwingConsentDialogTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String REPORT = "{\n  \"schema\": \"mayday/1\",\n  \"kind\": \"main-loop\",\n"
            + "  \"title\": \"NullPointerException in acme.Game.tick\",\n  \"exception\": {\n"
            + "    \"type\": \"java.lang.NullPointerException\",\n    \"frames\": [\n"
            + "      {\"class\": \"acme.Game\", \"method\": \"tick\", \"file\": \"Game.java\", \"line\": 42},\n"
            + "      {\"class\": \"acme.Game\", \"method\": \"main\", \"file\": \"Game.java\", \"line\": 17}\n"
            + "    ]\n  }\n}";
    private static final ConsentRequest REQUEST =
            new ConsentRequest("Acme Game", "NullPointerException in acme.Game.tick", REPORT);

    private Robot robot;

    @BeforeAll
    static void needsADisplay() {
        // AWT in this JVM reads DISPLAY itself; MAYDAY_TEST_DISPLAY (ci/services.sh) only helps if
        // the build passes it on as DISPLAY.
        String display = System.getenv("DISPLAY");
        String why = null;
        if (display == null || display.isBlank()) {
            String testDisplay = System.getenv("MAYDAY_TEST_DISPLAY");
            why = testDisplay == null || testDisplay.isBlank()
                    ? "no DISPLAY: the dialog cannot be shown here"
                    : "MAYDAY_TEST_DISPLAY=" + testDisplay + " but no DISPLAY in the test JVM: pass it on as DISPLAY";
        } else if (display.startsWith(":")
                && !Files.exists(Paths.get("/tmp/.X11-unix/X" + display.substring(1).split("\\.")[0]))) {
            why = "DISPLAY=" + display + " but no X server listens there";
        }
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, where Xvfb is expected: " + why);
            }
            Assumptions.assumeTrue(false, why);
        }
    }

    @BeforeEach
    void robot() throws Exception {
        assertTrue(SwingConsentDialog.displayAvailable());
        robot = new Robot();
        robot.setAutoDelay(20);
    }

    @AfterEach
    void closeWhatIsLeft() throws Exception {
        // A failed test must not leave a dialog that blocks the next one (or the JVM's exit).
        EventQueue.invokeAndWait(() -> {
            for (Window window : Window.getWindows()) {
                if ("mayday.dialog".equals(window.getName())) {
                    window.dispose();
                }
            }
        });
    }

    @Test
    void sendWithCommentEmailAndAlways() throws Exception {
        CompletableFuture<ConsentAnswer> answer = askInBackground(new SwingConsentDialog());
        Window dialog = awaitDialog();
        assertEquals("Acme Game", ((Dialog) dialog).getTitle());
        Rectangle bounds = onEdt(dialog::getBounds);
        Rectangle screen = onEdt(() -> dialog.getGraphicsConfiguration().getBounds());
        assertTrue(Math.abs(bounds.getCenterX() - screen.getCenterX()) < 40
                && Math.abs(bounds.getCenterY() - screen.getCenterY()) < 40, "centred on the screen: " + bounds);
        Component comment = find(dialog, "mayday.comment");
        assertTrue(onEdt(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() == comment),
                "the comment box has keyboard focus when the dialog opens");

        click(comment);
        type((JTextArea) comment, "It froze on level 3");
        JTextField email = (JTextField) find(dialog, "mayday.email");
        click(email);
        await(email::isFocusOwner, "the e-mail field takes focus when clicked");
        type(email, "me@example.com");
        JCheckBox always = (JCheckBox) find(dialog, "mayday.always");
        click(always);
        await(always::isSelected, "the box is ticked");
        screenshot(dialog, "consent-dialog.png");
        click(find(dialog, "mayday.send"));

        ConsentAnswer result = answer.get(5, TimeUnit.SECONDS);
        assertTrue(result.send());
        assertTrue(result.alwaysSend());
        assertEquals("It froze on level 3", result.comment());
        assertEquals("me@example.com", result.email());
        assertFalse(onEdt(dialog::isDisplayable), "disposed after the answer");
    }

    @Test
    void dontSend() throws Exception {
        CompletableFuture<ConsentAnswer> answer = askInBackground(new SwingConsentDialog());
        Window dialog = awaitDialog();
        click(find(dialog, "mayday.dontSend"));
        ConsentAnswer result = answer.get(5, TimeUnit.SECONDS);
        assertFalse(result.send());
        assertNull(result.comment());
    }

    @Test
    void viewReportShowsTheReportAndEscapeIsDontSend() throws Exception {
        CompletableFuture<ConsentAnswer> answer = askInBackground(new SwingConsentDialog());
        Window dialog = awaitDialog();
        JTextArea report = (JTextArea) find(dialog, "mayday.report");
        JToggleButton view = (JToggleButton) find(dialog, "mayday.viewReport");
        assertFalse(onEdt(report::isShowing), "the report starts collapsed");
        int collapsedHeight = onEdt(dialog::getHeight);

        click(view);
        await(report::isShowing, "the report opens");
        assertEquals(REPORT, onEdt(report::getText), "the report exactly as it will be sent");
        assertFalse(onEdt(report::isEditable));
        assertTrue(onEdt(dialog::getHeight) > collapsedHeight + 100, "the dialog grew to show it");
        screenshot(dialog, "consent-dialog-report.png");

        click(view);
        await(() -> !report.isShowing(), "a second click collapses it again");
        await(() -> dialog.getHeight() == collapsedHeight, "the dialog shrinks back");

        Component comment = find(dialog, "mayday.comment");
        click(comment);
        await(comment::isFocusOwner, "the comment box has focus");
        robot.keyPress(KeyEvent.VK_ESCAPE);
        robot.keyRelease(KeyEvent.VK_ESCAPE);
        assertFalse(answer.get(5, TimeUnit.SECONDS).send());
    }

    @Test
    void onTheEventThreadTheDialogIsModal() throws Exception {
        CompletableFuture<ConsentAnswer> answer = new CompletableFuture<>();
        EventQueue.invokeLater(() -> answer.complete(new SwingConsentDialog().ask(REQUEST)));
        Window dialog = awaitDialog();
        assertTrue(((Dialog) dialog).isModal());
        JTextArea comment = (JTextArea) find(dialog, "mayday.comment");
        click(comment);
        type(comment, "modal");
        click(find(dialog, "mayday.send"));
        ConsentAnswer result = answer.get(5, TimeUnit.SECONDS);
        assertTrue(result.send());
        assertEquals("modal", result.comment());
    }

    @Test
    void aStuckEventThreadIsNoAnswerAndTheDialogNeverStays() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(1);
        EventQueue.invokeLater(() -> {
            stuck.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(stuck.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        ConsentAnswer answer = new SwingConsentDialog(300).ask(REQUEST);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertNull(answer);
        assertTrue(tookMillis < 3_000, "gave up after the timeout, took " + tookMillis + " ms");

        release.countDown();
        Thread.sleep(300);
        assertFalse(onEdt(() -> {
            for (Window window : Window.getWindows()) {
                if ("mayday.dialog".equals(window.getName()) && window.isDisplayable()) {
                    return true;
                }
            }
            return false;
        }), "no dialog appears once the event thread is back");
    }

    private static CompletableFuture<ConsentAnswer> askInBackground(SwingConsentDialog asker) {
        CompletableFuture<ConsentAnswer> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> answer.complete(asker.ask(REQUEST)), "asker");
        thread.setDaemon(true);
        thread.start();
        return answer;
    }

    private Window awaitDialog() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Window found = onEdt(() -> {
                for (Window window : Window.getWindows()) {
                    if ("mayday.dialog".equals(window.getName()) && window.isShowing()) {
                        return window;
                    }
                }
                return null;
            });
            if (found != null) {
                robot.delay(200); // the window manager (if any) and the first paint
                return found;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no dialog named mayday.dialog appeared");
    }

    private static Component find(Container root, String name) throws Exception {
        Component found = onEdt(() -> findIn(root, name));
        assertNotNull(found, "no component named " + name);
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

    private void click(Component component) throws Exception {
        Point centre = onEdt(() -> {
            Point p = component.getLocationOnScreen();
            return new Point(p.x + component.getWidth() / 2, p.y + component.getHeight() / 2);
        });
        robot.mouseMove(centre.x, centre.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.delay(50);
    }

    /** Types into the focused field and waits until the field holds the text. */
    private void type(JTextComponent field, String text) throws Exception {
        String before = onEdt(field::getText);
        type(text);
        await(() -> field.getText().equals(before + text), "typed text arrives: " + text);
    }

    /** Letters, digits, space and {@code . @ -} on a US keyboard layout (Xvfb's default). */
    private void type(String text) {
        for (char c : text.toCharArray()) {
            boolean shift = Character.isUpperCase(c) || c == '@';
            int key;
            if (Character.isLetter(c)) {
                key = KeyEvent.VK_A + (Character.toLowerCase(c) - 'a');
            } else if (Character.isDigit(c)) {
                key = KeyEvent.VK_0 + (c - '0');
            } else if (c == ' ') {
                key = KeyEvent.VK_SPACE;
            } else if (c == '.') {
                key = KeyEvent.VK_PERIOD;
            } else if (c == '-') {
                key = KeyEvent.VK_MINUS;
            } else if (c == '@') {
                key = KeyEvent.VK_2;
            } else {
                throw new IllegalArgumentException("cannot type " + c);
            }
            if (shift) {
                robot.keyPress(KeyEvent.VK_SHIFT);
            }
            robot.keyPress(key);
            robot.keyRelease(key);
            if (shift) {
                robot.keyRelease(KeyEvent.VK_SHIFT);
            }
        }
    }

    private void screenshot(Window dialog, String name) throws Exception {
        onEdt(() -> null); // whatever was queued (a repaint) has run
        robot.delay(150);
        Rectangle bounds = onEdt(() -> new Rectangle(dialog.getLocationOnScreen(), dialog.getSize()));
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(robot.createScreenCapture(bounds), "png", SCREENSHOTS.resolve(name).toFile());
    }

    private static void await(Supplier<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!onEdt(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static <T> T onEdt(Supplier<T> read) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> value.set(read.get()));
        return value.get();
    }
}
