#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KenshuPOSIX

/// The spool's file operations: `DurableFiles`, with failures as `SpoolError`s that say
/// what the administrator can do.
enum SpoolFiles {
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SpoolError) {
        do { try DurableFiles.writeAll(fd, bytes, path: path) } catch { throw SpoolError(error) }
    }

    static func syncDirectory(_ path: String) throws(SpoolError) {
        do { try DurableFiles.syncDirectory(path) } catch { throw SpoolError(error) }
    }

    static func syncFiles(_ files: [String], in folder: String) throws(SpoolError) {
        do { try DurableFiles.syncFiles(files, in: folder) } catch { throw SpoolError(error) }
    }

    static func exists(_ path: String) -> Bool {
        DurableFiles.exists(path)
    }

    static func makeDirectory(_ path: String, mode: mode_t) throws(SpoolError) {
        do {
            try DurableFiles.makeDirectory(path, mode: mode)
        } catch where error.errorNumber == ENOTDIR {
            throw SpoolError(
                operation: "create the folder", path: path, reason: "something that is not a folder is in the way",
                hint: "move it away so the spool can make its folder there")
        } catch {
            throw SpoolError(error)
        }
    }
}
