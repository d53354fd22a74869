package dev.mayday.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The JVMs attach refuses from their own properties (no JDK older than 17 or OpenJ9 here to attach to). */
class TargetVmTest {

    private static Properties vm(String name, String spec, String version) {
        Properties p = new Properties();
        p.setProperty("java.vm.name", name);
        p.setProperty("java.specification.version", spec);
        p.setProperty("java.version", version);
        return p;
    }

    @Test
    void olderThan17IsRefused() {
        assertEquals("JVM 42 runs Java 1.8.0_402; Mayday needs Java 17 or later; nothing was changed",
                TargetVm.refusal(vm("OpenJDK 64-Bit Server VM", "1.8", "1.8.0_402"), 42));
        assertEquals("JVM 42 runs Java 11.0.22; Mayday needs Java 17 or later; nothing was changed",
                TargetVm.refusal(vm("OpenJDK 64-Bit Server VM", "11", "11.0.22"), 42));
    }

    @Test
    void notHotSpotIsRefused() {
        assertEquals("JVM 7 is Eclipse OpenJ9 VM, not a HotSpot-family JVM; Mayday supports HotSpot (OpenJDK, Oracle,"
                + " Temurin, GraalVM) only; nothing was changed", TargetVm.refusal(vm("Eclipse OpenJ9 VM", "17", "17.0.9"), 7));
    }

    @Test
    void hotSpot17AndLaterAreFine() {
        assertNull(TargetVm.refusal(vm("OpenJDK 64-Bit Server VM", "17", "17.0.15"), 1));
        assertNull(TargetVm.refusal(vm("Java HotSpot(TM) 64-Bit Server VM", "25", "25.0.1"), 1));
        assertNull(TargetVm.refusal(vm("Substrate VM GraalVM", "21", "21.0.2"), 1));
    }
}
