import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calls through which the store, the drafts and the queue change the
/// disk: creating, writing, flushing, renaming, removing. `FileIO` makes every
/// such call through `FileIO.layer`; reads go straight to the system (what a
/// process reads back is the kernel's cache either way).
///
/// The one real implementation is `SystemFiles`, the system calls themselves.
/// Tests substitute a disk that remembers what was flushed and, at a simulated
/// power cut, keeps only that (Tests/MotCuaStoreTests/PowerCutDisk.swift):
/// a killed process never loses the kernel's cached writes, so only such a
/// disk can show a missing fsync. Each method has its system call's contract
/// (a result < 0 with `errno` set on failure).
public protocol FileLayer: Sendable {
    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    func close(_ fd: Int32)
    func pwrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int, _ offset: off_t) -> Int
    func fsync(_ fd: Int32) -> Int32
    func fdatasync(_ fd: Int32) -> Int32
    func ftruncate(_ fd: Int32, _ length: off_t) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
    func unlink(_ path: String) -> Int32
    func mkdir(_ path: String, _ mode: mode_t) -> Int32
    /// Whether files may be made without a name (`O_TMPFILE`) and linked in
    /// later, outside this layer (see `UnnamedTempFile`).
    var hasUnnamedFiles: Bool { get }
}

extension FileLayer {
    /// Only the system's own calls have them; a test disk models named files.
    public var hasUnnamedFiles: Bool { false }
}

/// The system's calls: what every run outside the power-cut tests uses.
public struct SystemFiles: FileLayer {
    public init() {}
    public var hasUnnamedFiles: Bool { true }
    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { sysOpen(path, flags, mode) }
    public func close(_ fd: Int32) { _ = sysClose(fd) }
    public func pwrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int, _ offset: off_t) -> Int { sysPwrite(fd, buffer, count, offset) }
    public func fsync(_ fd: Int32) -> Int32 { sysFsync(fd) }
    public func fdatasync(_ fd: Int32) -> Int32 { sysFdatasync(fd) }
    public func ftruncate(_ fd: Int32, _ length: off_t) -> Int32 { sysFtruncate(fd, length) }
    public func rename(_ from: String, _ to: String) -> Int32 { sysRename(from, to) }
    public func unlink(_ path: String) -> Int32 { sysUnlink(path) }
    public func mkdir(_ path: String, _ mode: mode_t) -> Int32 { sysMkdir(path, mode) }
}

// The C functions under other names: inside `SystemFiles` the plain names are its own methods.
@inline(__always) private func sysOpen(_ p: String, _ f: Int32, _ m: mode_t) -> Int32 { open(p, f, m) }
@inline(__always) private func sysClose(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) private func sysPwrite(_ fd: Int32, _ b: UnsafeRawPointer, _ n: Int, _ o: off_t) -> Int { pwrite(fd, b, n, o) }
@inline(__always) private func sysFsync(_ fd: Int32) -> Int32 { fsync(fd) }
@inline(__always) private func sysFdatasync(_ fd: Int32) -> Int32 { fdatasync(fd) }
@inline(__always) private func sysFtruncate(_ fd: Int32, _ l: off_t) -> Int32 { ftruncate(fd, l) }
@inline(__always) private func sysRename(_ a: String, _ b: String) -> Int32 { rename(a, b) }
@inline(__always) private func sysUnlink(_ p: String) -> Int32 { unlink(p) }
@inline(__always) private func sysMkdir(_ p: String, _ m: mode_t) -> Int32 { mkdir(p, m) }
