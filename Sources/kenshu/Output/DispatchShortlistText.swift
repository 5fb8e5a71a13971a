import KenshuMatch

/// The HR office's dispatch shortlists as text.
enum DispatchShortlistText {
    static func render(_ shortlists: [DispatchShortlist]) -> String {
        guard !shortlists.isEmpty else { return "no 派遣研修 open for application in the horizon" }
        var lines: [String] = []
        for shortlist in shortlists {
            var when = shortlist.start.map { "開催 \($0)" } ?? ""
            if let applyBy = shortlist.applyBy { when += "、申込締切 \(applyBy)" }
            lines.append("\(shortlist.title) (\(shortlist.courseID))、\(when)")
            if shortlist.candidates.isEmpty { lines.append("  no eligible member of staff") }
            for (rank, candidate) in shortlist.candidates.enumerated() {
                lines.append("  \(rank + 1). \(candidate.staffID) score \(String(format: "%.2f", candidate.score))")
                for reason in candidate.reasons { lines.append("       ・\(reason)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
