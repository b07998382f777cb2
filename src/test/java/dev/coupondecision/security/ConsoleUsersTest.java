package dev.coupondecision.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's users file: what {@code rules console-user} writes is read back; a bad line names its number. */
class ConsoleUsersTest {
    @TempDir
    Path folder;

    @Test
    void aLineWrittenForAUserIsReadBackWithAHashThatMatchesOnlyTheirPassword() throws IOException {
        Path file = write("# console users\n", ConsoleUsers.line("maria", "correct horse", List.of("analyst", "approver")));
        ConsoleUsers.User maria = ConsoleUsers.read(file.toString()).get("maria");
        assertThat(maria.roles()).isEqualTo(Set.of("analyst", "approver"));
        assertThat(maria.hash()).doesNotContain("correct horse");
        assertThat(BcryptUtil.matches("correct horse", maria.hash())).isTrue();
        assertThat(BcryptUtil.matches("correct horse ", maria.hash())).isFalse();
    }

    @Test
    void theDocumentedDevUsersAreAnAnalystAndAnApprover() {
        Map<String, ConsoleUsers.User> users = ConsoleUsers.read("dev/console-users.properties");
        assertThat(users.get("analyst").roles()).containsExactly("analyst");
        assertThat(users.get("approver").roles()).containsExactly("approver");
        assertThat(BcryptUtil.matches("analyst", users.get("analyst").hash())).isTrue();
        assertThat(BcryptUtil.matches("approver", users.get("approver").hash())).isTrue();
    }

    @Test
    void aMalformedLineOrAnUnknownRoleStopsTheStartWithItsLineNumber() throws IOException {
        Path plain = write(ConsoleUsers.line("maria", "correct horse", List.of("analyst")), "bob = secret analyst\n");
        assertThatThrownBy(() -> ConsoleUsers.read(plain.toString())).hasMessageContaining("line 2")
                .hasMessageContaining("name = bcrypt-hash role");
        Path role = write(ConsoleUsers.line("maria", "correct horse", List.of("admin")));
        assertThatThrownBy(() -> ConsoleUsers.read(role.toString())).hasMessageContaining("line 1")
                .hasMessageContaining("analyst");
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(folder, "console-users", ".properties");
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
