package dev.stride.engine.cli;

import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into one line for the user and exit code 1: no stack trace in the CLI.
 * Commands report expected problems themselves; this is the last line of defence.
 */
final class UserFacingErrors implements CommandLine.IExecutionExceptionHandler {
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        commandLine.getErr().println("error: " + message);
        if (Boolean.getBoolean("stride.debug")) {
            ex.printStackTrace(commandLine.getErr());
        }
        return FAILURE;
    }
}
