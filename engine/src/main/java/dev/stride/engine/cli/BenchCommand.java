package dev.stride.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `stride bench`: timings of the engine's hot paths on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine's speed on this machine.",
        subcommands = {BenchDataCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
