package dev.stride.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `stride data`: look at datasets and rebuild the bundled samples. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Inspect datasets and rebuild the bundled sample datasets.",
        subcommands = {DataInspectCommand.class, DataMakeSamplesCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
