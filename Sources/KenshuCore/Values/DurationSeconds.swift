extension Duration {
    /// The duration in seconds, fractions included (for timings printed and logged).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
