/// The costs of a dense capacitated assignment (every row against every column), written one
/// row at a time so that a large instance never needs all its costs at once.
protocol AssignmentCosts {
    var rows: Int { get }
    var columns: Int { get }
    /// Writes row `row`'s cost against every column into `costs` (`columns` of them),
    /// `CapacitatedAssignment.forbidden` where the pair is not allowed.
    func costs(ofRow row: Int, into costs: UnsafeMutableBufferPointer<Int64>)
}
