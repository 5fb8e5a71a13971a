#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KenshuCore

/// Checks that a file can be read before libxml2 tries, so the error is ours and clear
/// (libxml2 would print an "I/O warning" to standard error on its own).
func requireReadableFile(_ path: String) throws(XMLReadError) {
    var status = stat()
    guard stat(path, &status) == 0 else {
        throw XMLReadError("no such file", at: SourceLocation(file: path))
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
        throw XMLReadError("not a regular file", at: SourceLocation(file: path))
    }
    guard access(path, R_OK) == 0 else {
        throw XMLReadError("the file is not readable (permissions)", at: SourceLocation(file: path))
    }
}
