package dev.coupondecision.cli;

import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code rules show FILE.xlsx}: the workbook as text. Its output names no file, so that git's textconv (which
 * passes a temporary copy of the old version) diffs only what changed in the tables.
 */
final class ShowCommand {

    private ShowCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of());
        if (arguments.positional().size() != 1) {
            throw new UsageException("show takes exactly one .xlsx file");
        }
        Path path = Path.of(arguments.positional().get(0));
        if (!Files.isRegularFile(path)) {
            throw new UsageException(path + " is not a file");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        RuleFile file = RuleFileSet.file(path.getFileName().toString(), RuleFile.Kind.XLSX, content);
        out.print(WorkbookText.render(file));
        return RulesTool.ACCEPTED;
    }
}
