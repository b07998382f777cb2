package dev.coupondecision.cli;

import dev.coupondecision.ruleset.format.WorkbookFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rules format FILE.xlsx...}: lays workbooks out for people (see {@link WorkbookFormatter}), in place. */
@Command(name = "format", mixinStandardHelpOptions = true,
        description = "Fold and lock the developer rows, style and size the table, add dropdowns, number checks, sheet"
                + " protection and a 'How to edit' sheet. The rules Drools reads do not change.")
final class FormatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.xlsx", arity = "1..*", description = "workbooks to format in place")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        for (Path path : paths) {
            if (!Files.isRegularFile(path) || !path.toString().toLowerCase().endsWith(".xlsx")) {
                throw new CommandLine.ParameterException(spec.commandLine(), path + " is not an .xlsx file");
            }
        }
        for (Path path : paths) {
            Files.write(path, WorkbookFormatter.format(path.getFileName().toString(), Files.readAllBytes(path)));
            spec.commandLine().getOut().println("formatted " + path);
        }
        return RulesTool.ACCEPTED;
    }
}
