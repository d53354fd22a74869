package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecursionFolderTest {

    private static StackTraceElement f(String method) {
        return new StackTraceElement("acme.R", method, "R.java", 1);
    }

    @Test
    void aThousandRecursiveFramesFoldToTheCycleAndACount() {
        StackTraceElement[] frames = new StackTraceElement[1024];
        for (int i = 0; i < 1020; i += 2) {
            frames[i] = f("even");
            frames[i + 1] = f("odd");
        }
        frames[1020] = f("start");
        frames[1021] = f("frame");
        frames[1022] = f("loop");
        frames[1023] = f("main");
        List<RecursionFolder.Item> items = RecursionFolder.fold(frames);
        assertEquals(7, items.size());
        assertEquals("even", items.get(0).frame.getMethodName());
        assertEquals("odd", items.get(1).frame.getMethodName());
        assertTrue(items.get(2).isFold());
        assertEquals(2, items.get(2).cycle);
        assertEquals(509, items.get(2).times);
        assertEquals("main", items.get(6).frame.getMethodName());
    }

    @Test
    void shortTracesStayAsTheyAre() {
        StackTraceElement[] frames = {f("a"), f("b"), f("a"), f("b"), f("c")};
        assertEquals(5, RecursionFolder.fold(frames).size());
    }
}
