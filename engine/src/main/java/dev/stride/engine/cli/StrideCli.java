package dev.stride.engine.cli;

import dev.stride.engine.StrideVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `stride` command line: the engine's features without the app. */
@Command(name = "stride",
        mixinStandardHelpOptions = true,
        versionProvider = StrideCli.VersionProvider.class,
        description = "Design, train and export convolutional neural networks.",
        subcommands = {
            InfoCommand.class,
            SummaryCommand.class,
            DataCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            PredictCommand.class,
            BenchCommand.class,
            ExportCommand.class,
        })
public final class StrideCli implements Runnable {

    /** Exit code for a command line that could not be understood, as picocli and POSIX tools use it. */
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        dev.stride.engine.backend.NativeBuild.prepareBeforeNd4j();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code; never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new StrideCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new UserFacingErrors());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stride " + StrideVersion.current()};
        }
    }
}
