package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mayday.agent.report.InAppFrames.Owner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence for whose code a frame is, in the order of frame-rules.properties. */
class InAppFramesTest {

    @TempDir
    Path dir;

    private Path jar(String name, String... entries) throws Exception {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String e : entries) {
                out.putNextEntry(new JarEntry(e));
                out.write("x=1\n".getBytes());
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void evidenceIsWeighedInOrder() throws Exception {
        Path main = jar("shop.jar", "META-INF/maven/com.acme/shop/pom.properties");
        Path sibling = jar("shop-db-1.2.jar", "META-INF/maven/com.acme/shop-db/pom.properties");
        Path library = jar("pricing.jar", "META-INF/maven/org.pricing/pricing/pom.properties");
        Path versioned = jar("colors-3.1.0.jar");
        Path plain = jar("plugins.jar");
        FrameLocator locator = new FrameLocator(null);
        locator.remember("com.acme.shop.Main", main.toString());
        locator.remember("com.acme.tools.Fmt", main.toString());
        locator.remember("com.acme.db.Dao", sibling.toString());
        locator.remember("org.pricing.Engine", library.toString());
        locator.remember("net.colors.Palette", versioned.toString());
        locator.remember("ext.Plugin", plain.toString());
        locator.remember("local.Tool", dir.toString());
        InAppFrames frames = new InAppFrames(FrameRules.standard(), null, "com.acme.shop.", main.toString(), locator);

        assertEquals(Owner.APPLICATION, frames.owner("com.acme.shop.Main"), "main class's package");
        assertEquals(Owner.APPLICATION, frames.owner("com.acme.tools.Fmt"), "main jar");
        assertEquals(Owner.APPLICATION, frames.owner("com.acme.db.Dao"), "a jar of the main jar's Maven group");
        assertEquals(Owner.LIBRARY, frames.owner("org.pricing.Engine"), "a jar of another Maven group");
        assertEquals(Owner.LIBRARY, frames.owner("net.colors.Palette"), "a versioned jar without metadata");
        assertEquals(Owner.APPLICATION, frames.owner("ext.Plugin"), "an unversioned jar without metadata");
        assertEquals(Owner.APPLICATION, frames.owner("local.Tool"), "a class directory");
        assertEquals(Owner.LIBRARY, frames.owner("org.h2.jdbc.JdbcConnection"), "the library prefix list");
        assertEquals(Owner.SKIPPED, frames.owner("java.util.ArrayList"));
        assertEquals(Owner.SKIPPED, frames.owner("com.acme.shop.Main$$Lambda/0x0000000801001234"), "generated");
        assertEquals(Owner.SKIPPED, frames.owner("org.codehaus.groovy.runtime.callsite.AbstractCallSite"), "Groovy call sites");
    }

    @Test
    void theInAppOptionIsTheWholeTruthWhenGiven() throws Exception {
        InAppFrames frames = new InAppFrames(FrameRules.standard(), List.of("org.pricing.", " ext. "), "com.acme.shop.", null, null);
        assertEquals(Owner.APPLICATION, frames.owner("org.pricing.Engine"));
        assertEquals(Owner.APPLICATION, frames.owner("ext.Plugin"));
        assertEquals(Owner.LIBRARY, frames.owner("com.acme.shop.Main"));
        assertEquals(Owner.SKIPPED, frames.owner("java.util.ArrayList"));
    }

    @Test
    void aJarsMavenGroupsAreReadFromItsTableOfContents() throws Exception {
        Path jar = jar("two.jar", "META-INF/maven/a.b/x/pom.properties", "META-INF/maven/c.d/y/pom.properties", "a/B.class");
        assertEquals(java.util.Set.of("a.b", "c.d"), JarEvidence.read(jar.toString()));
        assertEquals(java.util.Set.of(), JarEvidence.read(dir.resolve("missing.jar").toString()));
    }
}
