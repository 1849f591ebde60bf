import CNetCDF
import Foundation

/// netCDF-C and the HDF5 library under it keep global state and are not built thread-safe on
/// Debian; Swift Testing and the CLI may open files from several threads. Every call into
/// netCDF-C goes through this one lock. It guards the C library's state only (no Swift state),
/// and calls are short (one read or one metadata query each).
///
/// A plain pthread mutex (`NSLock`), not `Synchronization.Mutex`: on Linux the latter is a
/// priority-inheritance futex whose waiters spin in the kernel while the owner runs, and the
/// forcing loads (four readers taking turns on one decompression at a time) spent about 5 % of
/// their processor time spinning there instead of leaving it to the lookup-table threads.
let netCDFLibraryLock = NSLock()

/// The one process-wide lock around netCDF-C: every module that calls netCDF-C (forcing reader,
/// coastline reader, trajectory writer) goes through it, or parallel use crashes.
public enum NetCDFLibrary {
  /// Runs `body` (which calls netCDF-C) while no other thread is in netCDF-C, with HDF5's error
  /// printing off on this thread (errors come back as netCDF status codes instead).
  public static func withLock<T>(_ body: () throws -> T) rethrows -> T {
    try netCDFLibraryLock.withLock {
      silenceHDF5Diagnostics()
      return try body()
    }
  }
}

/// Runs one netCDF-C call under the library lock and returns its status.
@inline(__always)
func withNetCDF(_ body: () -> Int32) -> Int32 {
  NetCDFLibrary.withLock(body)
}

/// HDF5's `H5Eset_auto2`, looked up at run time in the HDF5 library that netCDF-C loads.
private let hdf5SetAuto:
  (@convention(c) (Int64, OpaquePointer?, UnsafeMutableRawPointer?) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "H5Eset_auto2") else {
      return nil
    }
    return unsafeBitCast(
      symbol, to: (@convention(c) (Int64, OpaquePointer?, UnsafeMutableRawPointer?) -> Int32).self)
  }()

/// netCDF-C probes for optional attributes and expects HDF5 to fail quietly; it turns HDF5's
/// error printing off, but in a thread-safe HDF5 that setting is per thread, so calls from other
/// threads would print diagnostic stacks on stderr. Turning it off for the calling thread
/// (H5E_DEFAULT = 0) keeps the terminal clean; errors still come back as netCDF status codes.
private func silenceHDF5Diagnostics() {
  _ = hdf5SetAuto?(0, nil, nil)
}

/// The library's message for a status code.
func netCDFMessage(_ status: Int32) -> String {
  guard let text = nc_strerror(status) else { return "netCDF status \(status)" }
  return String(cString: text)
}
