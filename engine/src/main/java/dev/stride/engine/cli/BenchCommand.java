package dev.stride.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `stride bench`: measurements of Stride's own hot paths; each subcommand ends with its figure line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Stride's hot paths; the last line of each benchmark is its figure.",
        subcommands = {
            BenchShapesCommand.class,
            BenchTrainCommand.class,
            BenchDataCommand.class,
        })
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
