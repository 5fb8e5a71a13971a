import KenshuCore
import KenshuMail
import KenshuStore

extension GapHeatmap {
    /// The gap heatmap of the active staff as the store holds them now: each one's band and
    /// gaps from the latest ratings (what the week's matching computes for the HR report), in
    /// the config's order of departments. Reads every member of staff and rating.
    public static func current(session: Session) throws(KenshuError) -> GapHeatmap {
        let staff: [StaffMember]
        let evaluations: [String: [Evaluation]]
        do {
            staff = try session.store.allStaff().filter(\.active)
            evaluations = try session.store.latestEvaluationsByStaff()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        let people = staff.map { member in
            let (band, gaps) = CourseRecommendations.bandAndGaps(member, evaluations: evaluations, session: session)
            return (staff: member, band: band?.id, gaps: gaps)
        }
        return make(people: people, catalog: session.catalog, order: session.configuration.departmentOrder)
    }
}
