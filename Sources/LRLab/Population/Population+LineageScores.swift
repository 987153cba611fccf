extension Population {
    /// The score of a lineage at each generation: at generation step s, the score of the member
    /// that had trained the lineage's state up to s (the last segment that began before s; the
    /// first segment at step 0). A copy made at s took the state its source measured at s, so
    /// the source's score is the lineage's there. NaN where no segment covers a generation.
    public static func lineageScores(_ lineage: [LineageSegment], generations: [Generation]) -> [Double] {
        generations.map { generation in
            let segment = generation.step == 0 ? lineage.first : lineage.last { $0.fromStep < generation.step }
            guard let segment, generation.members.indices.contains(segment.member) else { return .nan }
            return generation.members[segment.member].score
        }
    }
}
