package dev.coupondecision.cli;

import dev.coupondecision.config.StandaloneConfig;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rules show FILE.xlsx}: the workbook as text. Its output names no file, so that git's textconv (which
 * passes a temporary copy of the old version) diffs only what changed in the tables.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print every RuleTable of a workbook with its spreadsheet rows and cell values, then the DRL "
                + "Drools generates from each sheet.")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.xlsx", description = "the workbook to show")
    Path path;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(path)) {
            throw new CommandLine.ParameterException(spec.commandLine(), path + " is not a file");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        RuleFile file = RuleFileSet.file(path.getFileName().toString(), RuleFile.Kind.XLSX, content);
        spec.commandLine().getOut().print(WorkbookText.render(file, WorkbookLimits.from(StandaloneConfig.load(Map.of()).ruleFiles())));
        return RulesTool.ACCEPTED;
    }
}
