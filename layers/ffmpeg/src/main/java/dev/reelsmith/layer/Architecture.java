package dev.reelsmith.layer;

import dev.reelsmith.layer.elf.ElfMachine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A Lambda architecture the layer is built for, with the folder name used under {@code target/layer} (the
 * one {@code Ffmpeg.architecture()} returns) and the system libraries the layer relies on the host for.
 */
public enum Architecture {
    X86_64("x86_64", ElfMachine.X86_64, "ld-linux-x86-64.so.2"),
    ARM64("arm64", ElfMachine.AARCH64, "ld-linux-aarch64.so.1");

    /**
     * glibc and the GCC runtime: present on every glibc distribution, including Lambda's Amazon Linux 2023 base
     * (glibc 2.34, GCC 11 runtime). Anything else FFmpeg needs is shipped or stubbed.
     */
    private static final Set<String> HOST_LIBRARIES = Set.of("libc.so.6", "libm.so.6", "libmvec.so.1",
            "libpthread.so.0", "libdl.so.2", "libstdc++.so.6", "libgcc_s.so.1");

    private final String folder;
    private final ElfMachine machine;
    private final String dynamicLoader;

    Architecture(String folder, ElfMachine machine, String dynamicLoader) {
        this.folder = folder;
        this.machine = machine;
        this.dynamicLoader = dynamicLoader;
    }

    /** {@code x86_64} or {@code arm64}. */
    public String folder() {
        return folder;
    }

    public ElfMachine machine() {
        return machine;
    }

    /** Sonames the host provides, which the layer neither ships nor stubs. */
    public Set<String> hostLibraries() {
        Set<String> libraries = new HashSet<>(HOST_LIBRARIES);
        libraries.add(dynamicLoader);
        return Set.copyOf(libraries);
    }

    /**
     * The architecture named {@code folder}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Architecture ofFolder(String folder) {
        return Arrays.stream(values()).filter(a -> a.folder.equals(folder)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown architecture '" + folder
                        + "'; expected one of " + Arrays.stream(values()).map(Architecture::folder).toList()));
    }
}
