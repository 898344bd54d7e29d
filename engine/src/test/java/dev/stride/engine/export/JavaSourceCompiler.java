package dev.stride.engine.export;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated Java sources with the JDK's compiler against the test class path and loads the classes. */
final class JavaSourceCompiler {
    private JavaSourceCompiler() {
    }

    /** Compiles {@code className}'s source in {@code dir} and loads it; fails with javac's diagnostics. */
    static Class<?> compileAndLoad(Path dir, String className, String source) throws IOException,
            ClassNotFoundException {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = compiler.getTask(null, files, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(),
                            "-proc:none", "-nowarn"),
                    null, files.getJavaFileObjects(file)).call();
            if (!ok) {
                throw new AssertionError("generated source does not compile:\n" + diagnostics.getDiagnostics()
                        + "\n" + source);
            }
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                JavaSourceCompiler.class.getClassLoader());
        return loader.loadClass(className);
    }
}
