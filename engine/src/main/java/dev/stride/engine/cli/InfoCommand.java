package dev.stride.engine.cli;

import dev.stride.engine.StrideVersion;
import dev.stride.engine.backend.BackendInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `stride info`: what Stride will train on here. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the training backend (CPU/GPU), devices, BLAS, threads, Java and OS.")
final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackendInfo info = BackendInfo.detect();
        out.println("Stride     " + StrideVersion.current());
        out.println("Backend    " + info.backend() + " (" + info.backendClass() + ")");
        for (String device : info.devices()) {
            out.println("Device     " + device);
        }
        out.println("BLAS       " + info.blas());
        out.println("Threads    " + info.threads());
        out.println("Java       " + info.javaVersion());
        out.println("OS         " + info.os());
        if (!info.note().isEmpty()) {
            out.println("Note       " + info.note());
        }
        return 0;
    }
}
