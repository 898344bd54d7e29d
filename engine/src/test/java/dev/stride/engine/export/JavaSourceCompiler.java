package dev.stride.engine.export;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated Java sources with the JDK's compiler against the test class path and loads the classes. */
final class JavaSourceCompiler {
    private JavaSourceCompiler() {
    }

    /**
     * Compiles every source (class name to source) in one javac run, since javac's start-up dominates, and returns
     * a loader for them; fails with javac's diagnostics.
     */
    static ClassLoader compile(Path dir, Map<String, String> sources) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            files.add(file);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = compiler.getTask(null, manager, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(),
                            "-proc:none", "-nowarn"),
                    null, manager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new AssertionError("generated source does not compile:\n" + diagnostics.getDiagnostics());
            }
        }
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, JavaSourceCompiler.class.getClassLoader());
    }
}
