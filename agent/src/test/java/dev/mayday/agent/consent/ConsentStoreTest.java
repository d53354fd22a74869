package dev.mayday.agent.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentStoreTest {

    @TempDir
    Path home;

    @Test
    void alwaysSendIsRememberedPerApplication() {
        ConsentStore store = new ConsentStore(home.resolve(".mayday").resolve("consent.properties"));
        assertFalse(store.alwaysSend("Space Game"));
        store.rememberAlwaysSend("Space Game");
        ConsentStore later = new ConsentStore(home.resolve(".mayday").resolve("consent.properties"));
        assertTrue(later.alwaysSend("Space Game"));
        assertFalse(later.alwaysSend("Other Tool"));
    }
}
