package dev.mayday.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.options.OptionsLoader;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AttachArgumentsTest {

    @Test
    void commasSplitOnlyWhereAnotherOptionFollows() throws Exception {
        List<String> items = AttachArguments.items(new String[] {
            "mainLoop=a.B#run,onCrash=continue,redact=x{1,3}|y,z", "send=file:/tmp/a,b", "mainLoop=c.D#tick"});
        assertEquals(List.of("mainLoop=a.B#run", "onCrash=continue", "redact=x{1,3}|y,z", "send=file:/tmp/a,b",
                "mainLoop=c.D#tick"), items);
        Options options = OptionsLoader.loadItems(items, new Properties(), Collections.emptyMap());
        assertEquals("x{1,3}|y,z", options.get(Option.REDACT));
        assertEquals(List.of("a.B#run", "c.D#tick"), options.list(Option.MAIN_LOOP));
    }

    @Test
    void theDigestTellsOptionsApartButNotTheToken() throws Exception {
        Options a = OptionsLoader.loadItems(List.of("onCrash=continue", "token=one"), new Properties(), Collections.emptyMap());
        Options b = OptionsLoader.loadItems(List.of("onCrash=continue", "token=two"), new Properties(), Collections.emptyMap());
        Options c = OptionsLoader.loadItems(List.of("onCrash=exit", "token=one"), new Properties(), Collections.emptyMap());
        assertEquals(a.digest(), b.digest());
        assertNotEquals(a.digest(), c.digest());
        assertEquals(16, a.digest().length());
    }

    @Test
    void mainOfShowsNoArguments() {
        assertEquals("demo.Game", ListCommand.mainOf("demo.Game 5 --password=hunter2"));
        assertEquals("app.jar", ListCommand.mainOf("/opt/x/app.jar --token=t"));
    }
}
