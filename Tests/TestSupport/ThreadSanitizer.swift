#if canImport(Glibc)
    import Glibc
#endif

/// Whether this test process runs under ThreadSanitizer (`make test-tsan`): its runtime is
/// linked in. A few tests of scale or of resource limits are left to the other runs, where
/// they test factsh rather than the sanitizer's own memory.
public enum ThreadSanitizer {
    public static let isActive: Bool = dlsym(nil, "__tsan_init") != nil
}
