package dev.mayday.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainLoopRulesTest {

    @Test
    void globsMatchWholeNamesWithStarsAnywhere() {
        assertTrue(new Glob("com.acme.*").matches("com.acme.game.Loop"));
        assertTrue(new Glob("*Game").matches("com.acme.Game"));
        assertTrue(new Glob("t*k").matches("tick"));
        assertTrue(new Glob("*").matches(""));
        assertFalse(new Glob("com.acme.Game").matches("com.acme.GameX"));
        assertFalse(new Glob("t*k").matches("ticker"));
    }

    @Test
    void classMethodPatternsAndAnnotationsDecide() {
        MainLoopRules rules = new MainLoopRules(List.of("com.acme.Game#tick", "com.acme.net.*#serve*", "@com.acme.Loop"));
        assertEquals("com.acme.Game#tick", rules.match("com.acme.Game", "tick", List.of()));
        assertNull(rules.match("com.acme.Game", "render", List.of()));
        assertEquals("com.acme.net.*#serve*", rules.match("com.acme.net.http.Server", "serveOne", List.of()));
        assertEquals("@com.acme.Loop", rules.match("x.Y", "run", List.of("Lcom/acme/Loop;")));
        // Any annotation whose simple name is MainLoop, with no option at all.
        assertEquals("@org.example.MainLoop", rules.match("x.Y", "run", List.of("Lorg/example/MainLoop;")));
        assertEquals("@x.Y$MainLoop", rules.match("x.Y", "run", List.of("Lx/Y$MainLoop;")));
        assertNull(rules.match("x.Y", "run", List.of("Lorg/example/NotMainLoop;")));
    }

    @Test
    void cheapPreCheckSkipsClassesThatCannotMatch() {
        MainLoopRules rules = new MainLoopRules(List.of("com.acme.Game#tick", "@com.acme.Loop"));
        byte[] plain = "constant pool of an ordinary class".getBytes(StandardCharsets.UTF_8);
        assertFalse(rules.mayMatch("com.acme.Other", plain));
        assertTrue(rules.mayMatch("com.acme.Game", plain));
        assertTrue(rules.mayMatch("x.Y", "...Lx/Y$MainLoop;...".getBytes(StandardCharsets.UTF_8)));
        assertTrue(rules.mayMatch("x.Y", "...Lcom/acme/Loop;...".getBytes(StandardCharsets.UTF_8)));
    }
}
