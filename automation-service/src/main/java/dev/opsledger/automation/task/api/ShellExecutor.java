package dev.opsledger.automation.task.api;

import java.util.List;

/**
 * Runs {@code executable} with the fixed {@code arguments}: an argument list, never a shell
 * string, and parameters only as environment variables, so no value of a run can become code.
 */
public record ShellExecutor(String executable, List<String> arguments) implements Executor {

    public static final int MAX_ARGUMENTS = 64;

    public ShellExecutor {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    @Override
    public void validate(ExecutorAllowList allowList) {
        SpecViolations.plainText(executable, INVALID, "executor.executable", 1000);
        if (!executable.startsWith("/") || executable.contains("/../") || executable.endsWith("/..")
                || executable.contains("/./") || executable.contains("//") || executable.endsWith("/")) {
            throw SpecViolations.invalid(INVALID, "executor.executable",
                    "the executable is an absolute, normalised path to a file");
        }
        if (arguments.size() > MAX_ARGUMENTS) {
            throw SpecViolations.invalid(INVALID, "executor.arguments", "at most " + MAX_ARGUMENTS + " arguments");
        }
        for (String argument : arguments) {
            if (argument == null || argument.length() > 4000 || argument.indexOf('\0') >= 0) {
                throw SpecViolations.invalid(INVALID, "executor.arguments",
                        "arguments are text of at most 4000 characters without NUL");
            }
        }
        if (!allowList.allowsExecutable(executable)) {
            throw SpecViolations.invalid(NOT_ALLOWED, "executor.executable",
                    executable + " is not on the operator's allow-list of executables");
        }
    }
}
