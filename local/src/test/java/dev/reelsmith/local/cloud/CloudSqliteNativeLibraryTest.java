package dev.reelsmith.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudSqliteNativeLibraryTest {
    @TempDir
    Path cache;

    @Test
    void platform_shouldNameTheMavenArtifactOfEachSupportedPlatform() {
        // when / then
        assertThat(SqliteNativeLibrary.platform("Linux", "amd64").fileName())
                .isEqualTo("libsqlite4java-linux-amd64.so");
        assertThat(SqliteNativeLibrary.platform("Mac OS X", "aarch64").fileName())
                .isEqualTo("libsqlite4java-osx.dylib");
        assertThat(SqliteNativeLibrary.platform("Windows 11", "amd64").fileName())
                .isEqualTo("sqlite4java-win32-x64.dll");
    }

    @Test
    void platform_shouldRefuse_whenSqlite4javaHasNoBuildForIt() {
        // when / then
        assertThatThrownBy(() -> SqliteNativeLibrary.platform("Linux", "aarch64"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DynamoDB Local cannot run on Linux/aarch64: sqlite4java 1.0.392, which it needs, has no "
                        + "native library for this platform");
    }

    @Test
    void configure_shouldCopyTheLibraryUnderBothNames_andPointTheLibraryPathThere() {
        // given
        String before = System.getProperty(SqliteNativeLibrary.PROPERTY);
        System.clearProperty(SqliteNativeLibrary.PROPERTY);
        try {
            // when
            Path dir = SqliteNativeLibrary.configure(cache);

            // then
            SqliteNativeLibrary.Platform platform = SqliteNativeLibrary.platform(System.getProperty("os.name"),
                    System.getProperty("os.arch"));
            assertThat(dir.resolve(platform.fileName())).isRegularFile();
            assertThat(dir).isDirectoryContaining(path -> path.getFileName().toString()
                    .matches(platform.artifactId() + "-[0-9.]+\\." + platform.extension()));
            assertThat(System.getProperty(SqliteNativeLibrary.PROPERTY)).isEqualTo(dir.toAbsolutePath().toString());
        } finally {
            if (before == null) {
                System.clearProperty(SqliteNativeLibrary.PROPERTY);
            } else {
                System.setProperty(SqliteNativeLibrary.PROPERTY, before);
            }
        }
    }
}
