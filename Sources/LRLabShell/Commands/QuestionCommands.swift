import LRLab
import LRLabText

enum QuestionCommands {
    /// A lesson's questions, asked about what the learner just saw, and `answer`, which gives
    /// one. A question is written like a task (help task) and its checks read `answer`.
    static let all: [Command] = [
        Command("question", usage: "question TEXT", summary: "ask the learner a question with a checked answer (lessons)",
                details: """
                A question asks about what the lesson just showed. Write it like a task,
                its checks reading the learner's answer:
                    question The factor per step at lr = 0.4 is?
                    check answer ~ 0.2 tol=0.005
                    hint The factor is 1 - 2*lr.
                    explanation 1 - 2*0.4 = 0.2: each step keeps a fifth of the distance.
                    solution answer 0.2
                or with words to choose from (choices adam rmsprop, check answer == adam).
                In a guided lesson the learner types answer VALUE (or just the value);
                a wrong answer gets the hint, a second the explanation, and the lesson
                goes on. Run as a script, the solution's answer must pass the checks.
                """) { session, statement throws(ShellError) in
            let text = try LessonCommands.lessonText(statement, in: session)
            let place = session.currentPlace ?? ScriptPlace(file: session.currentFile ?? "-", number: 1, text: statement.text)
            session.course.openTask = LessonTask(text: text, line: place, isQuestion: true)
            return Report(prose: "question: " + text)
        },
        Command("choices", usage: "choices WORD WORD...", summary: "the answers a question offers (lessons)",
                details: "Shown under the question; see help question.") { session, statement throws(ShellError) in
            try LessonCommands.addPart(statement, in: session)
            return Report()
        },
        Command("explanation", usage: "explanation TEXT", summary: "why a question's answer is right, shown after two wrong ones (lessons)",
                details: "See help question. Run as a script, the explanation is not printed.") { session, statement throws(ShellError) in
            try LessonCommands.addPart(statement, in: session)
            return Report()
        },
        Command("answer", usage: "answer VALUE", summary: "answer a lesson's question",
                details: """
                Gives an answer to the question a lesson asks: a number (or a formula of
                numbers, answer 1 - 2*0.4) or one of its choices. The question's checks
                read it (check answer ~ 0.2 tol=0.005); expect answer == adam reads it too.
                """, countsAsTry: true) { session, statement throws(ShellError) in
            let text = statement.rest.text.trimmingSpaces
            guard !text.isEmpty else {
                throw ShellError("answer needs a value", at: statement.words[0].range, hint: "e.g. answer 0.2, or answer adam")
            }
            session.course.answer = text
            return Report()
        },
    ]
}
