package dev.mayday.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads the agent's own classes and libraries, which the jar stores under {@code inst/} with the
 * extension {@code .classdata}. No other class loader can find them there, so an application
 * with its own (other) Gson or ASM never meets Mayday's copies, and no package has to be renamed.
 */
final class AgentClassLoader extends ClassLoader {

    static final String PREFIX = "inst/";
    static final String CLASS_SUFFIX = ".classdata";

    static {
        registerAsParallelCapable();
    }

    private final ZipFile jar;
    private final ClassBytes classBytes;
    private final String jarUrl;
    private final ProtectionDomain domain;

    AgentClassLoader(File jarPath, ZipFile jar, ClassBytes classBytes, ClassLoader parent)
            throws MalformedURLException {
        super("mayday", parent);
        this.jar = jar;
        this.classBytes = classBytes;
        URL location = jarPath.toURI().toURL();
        this.jarUrl = "jar:" + location + "!/";
        this.domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
    }

    /**
     * Mayday's own classes first, without asking the parent: the parent never has them, and each
     * refusal would cost it a ClassNotFoundException (a stack trace filled in) at start-up, which
     * loads a hundred of them. Everything else (the JDK) is asked of the parent, as usual.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                ZipEntry entry = jar.getEntry(PREFIX + name.replace('.', '/') + CLASS_SUFFIX);
                if (entry == null) {
                    return super.loadClass(name, resolve);
                }
                c = define(name, entry);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        ZipEntry entry = jar.getEntry(PREFIX + name.replace('.', '/') + CLASS_SUFFIX);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        return define(name, entry);
    }

    private Class<?> define(String name, ZipEntry entry) throws ClassNotFoundException {
        byte[] bytes;
        try {
            bytes = classBytes.read(jar, entry);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        try {
            return define(name, bytes, ClassBytes.length(entry, bytes));
        } finally {
            classBytes.release(bytes);
        }
    }

    private Class<?> define(String name, byte[] bytes, int length) {
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String pkg = name.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // defined by another thread meanwhile
                }
            }
        }
        return defineClass(name, bytes, 0, length, domain);
    }

    @Override
    protected URL findResource(String name) {
        if (jar.getEntry(PREFIX + name) == null) {
            return null;
        }
        try {
            return new URL(jarUrl + PREFIX + name);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /**
     * Straight from the open jar: a {@code jar:} URL's connection machinery costs the first report
     * about 3 ms of class loading for the two small files it reads (version, frame rules).
     */
    @Override
    public InputStream getResourceAsStream(String name) {
        ZipEntry entry = jar.getEntry(PREFIX + name);
        if (entry != null) {
            try {
                return jar.getInputStream(entry);
            } catch (IOException | RuntimeException e) {
                // the usual way below says the same in its own terms
            }
        }
        return super.getResourceAsStream(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }
}
