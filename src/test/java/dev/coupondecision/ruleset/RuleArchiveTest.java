package dev.coupondecision.ruleset;

import dev.coupondecision.ReferenceRuleset;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ruleset's zip reads back into the same files and version, and nothing but the two rule folders is accepted. */
class RuleArchiveTest {

    @Test
    void aRulesetReadsBackIntoTheSameVersion() {
        RuleFileSet files = RuleFileSet.read(ReferenceRuleset.RULES, ReferenceRuleset.TABLES);
        assertThat(RuleArchive.read(RuleArchive.write(files), Long.MAX_VALUE).version()).isEqualTo(files.version());
    }

    @Test
    void refusesPathsOutsideTheRuleFoldersAndArchivesTooLargeToUnpack() throws IOException {
        for (String evil : new String[]{"../rules/x.drl", "rules/../../etc/x.drl", "rules/sub/x.drl", "scripts/x.sh",
                "decision-tables/.hidden.xlsx", "/rules/x.drl"}) {
            assertThatThrownBy(() -> RuleArchive.read(zip(evil, "rule"), Long.MAX_VALUE)).as(evil)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a rule file of the archive");
        }
        assertThatThrownBy(() -> RuleArchive.read(zip("rules/big.drl", "x".repeat(2000)), 1000))
                .hasMessage("the archive unpacks to more than 1000 bytes");
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
