extension MailSpool {
    /// Creates the spool folder (and any missing parents) and `tmp/`, `new/` and `cur/` in it,
    /// mode 0750; folders that already exist are left as they are.
    public func prepare() throws(SpoolError) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            try SpoolFiles.makeDirectory(prefix, mode: 0o750)
        }
        for location in Location.allCases {
            try SpoolFiles.makeDirectory(path(of: location), mode: 0o750)
        }
        try SpoolFiles.syncDirectory(directory)
    }
}
