import Testing
@testable import LRLabText

@Suite struct TableTests {
    @Test func boxTable() {
        let picture = Table(headers: ["opt", "lr", "loss", "verdict"], rows: [["gd", "0.1", "0.25", "good"], ["adam", "0.01", "1.5e-3", "slow"]])
        expectPicture(picture.render(style: .unicode), """
            ┌──────┬──────┬────────┬─────────┐
            │ opt  │   lr │   loss │ verdict │
            ├──────┼──────┼────────┼─────────┤
            │ gd   │  0.1 │   0.25 │ good    │
            │ adam │ 0.01 │ 1.5e-3 │ slow    │
            └──────┴──────┴────────┴─────────┘
            """)
        expectPicture(picture.render(style: .ascii), """
            +------+------+--------+---------+
            | opt  |   lr |   loss | verdict |
            +------+------+--------+---------+
            | gd   |  0.1 |   0.25 | good    |
            | adam | 0.01 | 1.5e-3 | slow    |
            +------+------+--------+---------+
            """)
    }

    @Test func plainTable() {
        let picture = Table(headers: ["opt", "lr", "loss"], rows: [["gd", "0.1", "inf"], ["momentum"]])
        expectPicture(picture.render(border: .plain), """
            opt        lr  loss
            --------  ---  ----
            gd        0.1   inf
            momentum
            """)
    }

    @Test func explicitAlignment() {
        let picture = Table(columns: [.init("name", alignment: .right), .init("n", alignment: .left)], rows: [["rosenbrock", "2"], ["quad", "10"]])
        expectPicture(picture.render(style: .unicode), """
            ┌────────────┬────┐
            │       name │ n  │
            ├────────────┼────┤
            │ rosenbrock │ 2  │
            │       quad │ 10 │
            └────────────┴────┘
            """)
    }
}
