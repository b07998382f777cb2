package dev.coupondecision.ruleset.guard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The class loader rules are compiled with: a second wall behind {@link DrlGuard}. Rule code sees the facts, the
 * engine, and the harmless parts of {@code java.lang}, {@code java.util}, {@code java.math} and {@code java.time};
 * files, sockets, processes, threads, reflection, class loaders and scripting are not there at all, neither for
 * the Java compiler (class files are hidden) nor at run time (loading fails). Code that slipped past the guard
 * therefore fails to compile or to link instead of running.
 */
public final class RuleClassLoader extends ClassLoader {
    private static final List<String> VISIBLE = List.of("java.lang.", "java.util.", "java.math.", "java.time.",
            "java.text.", "org.drools.", "org.kie.", "org.mvel2.", "org.slf4j.", "dev.coupondecision.decision.facts.");
    /** java.lang.invoke stays: compiled string concatenation and lambdas link through it. */
    private static final List<String> HIDDEN_PACKAGES = List.of("java.lang.reflect.", "java.lang.management.", "java.lang.instrument.", "java.lang.module.", "java.util.concurrent.",
            "java.util.logging.", "java.util.prefs.", "java.util.jar.", "java.util.zip.", "java.util.spi.",
            "java.util.ServiceLoader");
    private static final Set<String> HIDDEN_CLASSES = Set.of("java.lang.System", "java.lang.Runtime",
            "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle", "java.lang.Thread",
            "java.lang.ThreadGroup", "java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer",
            "java.lang.StackWalker", "java.lang.SecurityManager", "java.lang.Shutdown", "java.lang.ScopedValue");
    /** Interfaces that compiled rule classes implement. */
    private static final Set<String> ALSO_VISIBLE = Set.of("java.io.Serializable", "java.io.Externalizable",
            "java.io.ObjectInput", "java.io.ObjectOutput", "java.io.IOException");

    public RuleClassLoader(ClassLoader parent) {
        super(parent);
    }

    /** Whether rule code may see the class of this binary name ({@code java.lang.Thread$State}: its outer class). */
    public static boolean visible(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        if (ALSO_VISIBLE.contains(outer)) {
            return true;
        }
        if (HIDDEN_CLASSES.contains(outer) || HIDDEN_PACKAGES.stream().anyMatch(outer::startsWith)) {
            return false;
        }
        return VISIBLE.stream().anyMatch(outer::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!visible(name)) {
            throw new ClassNotFoundException(name + " is not visible to rule code");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return visibleResource(name) ? super.getResource(name) : null;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return visibleResource(name) ? super.getResourceAsStream(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return visibleResource(name) ? super.getResources(name) : Collections.emptyEnumeration();
    }

    /** Class files of hidden classes are hidden too, so that the Java compiler cannot resolve them. */
    private static boolean visibleResource(String name) {
        if (!name.endsWith(".class")) {
            return true;
        }
        return visible(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
    }
}
