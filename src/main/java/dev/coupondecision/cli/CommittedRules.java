package dev.coupondecision.cli;

import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule files as of the last commit (git HEAD) of the repository that holds the rule folders, read with JGit, so
 * that {@code rules validate} shows what an edit changes against what was committed, without git installed.
 */
final class CommittedRules {

    private CommittedRules() {
    }

    /** Empty when the folders are not in a git work tree or it has no commit yet. */
    static Optional<Baseline> atHead(Path rulesDir, Path tablesDir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
                .findGitDir(tablesDir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null || repository.isBare()) {
                return Optional.empty();
            }
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(head);
                List<RuleFile> files = new ArrayList<>();
                files.addAll(filesIn(repository, commit, workTree, rulesDir, ".drl", RuleFile.Kind.DRL));
                files.addAll(filesIn(repository, commit, workTree, tablesDir, ".xlsx", RuleFile.Kind.XLSX));
                String subject = commit.getShortMessage();
                return Optional.of(new Baseline("the last commit (" + head.abbreviate(8).name() + " "
                        + (subject.length() > 60 ? subject.substring(0, 59) + "…" : subject) + ")", RuleFileSet.of(files)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the git repository at " + builder.getGitDir(), e);
        }
    }

    private static List<RuleFile> filesIn(Repository repository, RevCommit commit, Path workTree, Path dir,
                                          String suffix, RuleFile.Kind kind) throws IOException {
        Path relative = workTree.relativize(dir.toRealPath());
        List<RuleFile> files = new ArrayList<>();
        if (relative.toString().isEmpty()) {
            return files;
        }
        try (TreeWalk folder = TreeWalk.forPath(repository, relative.toString().replace('\\', '/'), commit.getTree())) {
            if (folder == null || !folder.isSubtree()) {
                return files;
            }
            try (TreeWalk entries = new TreeWalk(repository)) {
                entries.addTree(folder.getObjectId(0));
                entries.setRecursive(false);
                while (entries.next()) {
                    String name = entries.getNameString();
                    if (!entries.isSubtree() && name.toLowerCase().endsWith(suffix) && !name.startsWith(".")
                            && !name.startsWith("~$")) {
                        byte[] content = repository.open(entries.getObjectId(0)).getBytes();
                        files.add(RuleFileSet.file(name, kind, content));
                    }
                }
            }
        }
        return files;
    }
}
