//! The line mode (`proctor --plain`): a second front end on the practice layer, for screen
//! readers and scripts. Plain text out — no cursor addressing, no colour — and one command per
//! input line in. The end of input pauses, as `q` does. Autosave, resume and results are the
//! practice layer's, exactly as in the terminal UI.
//!
//! The clock runs while the program waits for a line; when the time runs out, the next line
//! shows the results.

use crate::bank::Question;
use crate::exam::{Action, Confidence, Feedback, Mode, Scope, Session};
use crate::format::{clock, count_word, date, duration, letter, position};
use crate::practice::{
    Event, Finished, IfInProgress, NewAttempt, Opening, Practice, PracticeError, Scored,
    mode_phrase,
};
use crate::safe_text;
use std::io::{self, BufRead, Write};

/// What the line mode shows between commands.
enum Place {
    Home,
    /// Sitting an attempt; `ending` once `end` was typed and awaits confirmation.
    Sitting {
        ending: bool,
    },
}

struct Plain<W: Write> {
    practice: Practice,
    out: W,
    place: Place,
    quit: bool,
}

/// Runs the line mode until `quit` or the end of input. Returns what could not be saved.
pub fn run<R: BufRead, W: Write>(
    practice: Practice,
    opening: Opening,
    input: R,
    out: W,
) -> io::Result<Option<String>> {
    let mut plain = Plain {
        practice,
        out,
        place: Place::Home,
        quit: false,
    };
    let outcome = plain.converse(opening, input);
    // However it ended — quit, the end of input, a reader that went away — the attempt in
    // progress is paused and saved.
    let events = plain.practice.pause();
    let shown = plain.events(events).and_then(|_| plain.out.flush());
    outcome.and(shown)?;
    Ok(plain.practice.unsaved().map(str::to_string))
}

const HOME_HELP: &str = "Commands: exam · drill DOMAIN|TASK|SKILL (e.g. drill 3, drill 1.4, drill 3.3.s2) · practice [COUNT] [now] [untimed] (a practice exam, not a mock) · drill service NAME · drill words WORDS · due (spaced review) · missed · readiness · progress · resume [exam|drill|review] · history · answers [ATTEMPT-ID] · help · quit";
const SITTING_HELP: &str = "Commands: a letter or letters answer (b, or b d for two; b sure marks it too) · guess / unsure / sure (how sure you are, optional) · clear · flag · next · back · go N · show · review [flagged|incomplete] · time · end · help · quit (pauses; resume later)";

impl<W: Write> Plain<W> {
    fn converse<R: BufRead>(&mut self, opening: Opening, input: R) -> io::Result<()> {
        match opening {
            Opening::Home => self.home()?,
            Opening::Sitting => {
                self.place = Place::Sitting { ending: false };
                self.question()?;
            }
            Opening::AttemptReview(scored) => {
                self.attempt_review(&scored)?;
                self.home()?;
            }
        }
        for line in input.lines() {
            self.command(line?.trim())?;
            if self.quit {
                break;
            }
        }
        Ok(())
    }

    fn command(&mut self, line: &str) -> io::Result<()> {
        // The clock first: if time ran out, the line does not count.
        let events = self.practice.tick();
        if self.events(events)? {
            return Ok(());
        }
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim();
        match self.place {
            Place::Home => self.home_command(word, rest),
            Place::Sitting { ending } => self.sitting_command(word, rest, ending),
        }
    }

    /// Shows what the practice layer reported. True when an attempt finished (its results are
    /// on screen and the line mode is home again).
    fn events(&mut self, events: Vec<Event>) -> io::Result<bool> {
        let mut finished = false;
        for event in events {
            match event {
                Event::Saved => {}
                Event::SaveFailed(m) => writeln!(self.out, "! {m}")?,
                Event::TimeWarning { minutes_left } => {
                    writeln!(
                        self.out,
                        "Notice: {}",
                        Event::time_warning_text(minutes_left)
                    )?;
                }
                Event::Finished(f) => {
                    self.results(&f)?;
                    self.place = Place::Home;
                    finished = true;
                    self.prompt()?;
                }
            }
        }
        Ok(finished)
    }

    fn prompt(&mut self) -> io::Result<()> {
        write!(self.out, "> ")?;
        self.out.flush()
    }

    // ----- home -----

    fn home(&mut self) -> io::Result<()> {
        self.place = Place::Home;
        let p = &self.practice;
        let bp = p.blueprint();
        writeln!(self.out, "proctor · {} ({})", bp.name, bp.code)?;
        writeln!(
            self.out,
            "{} questions in {} · a mock is {} questions in {} minutes",
            p.bank().len(),
            p.bank().source,
            bp.questions,
            bp.minutes
        )?;
        if let Some(Scored { attempt, card }) = p.history().iter().find(|s| s.attempt.is_mock()) {
            writeln!(
                self.out,
                "Last mock exam: {} · {}/{} ({:.0}%) · {}",
                date(&safe_text::line(&attempt.finished)),
                card.correct,
                card.total,
                card.percent,
                if card.passed { "PASS" } else { "FAIL" }
            )?;
        }
        writeln!(self.out, "{}", p.readiness().line())?;
        writeln!(
            self.out,
            "Spaced review: {} due today (`due` asks them)",
            p.due_queue().len()
        )?;
        for mode in p.modes_in_progress() {
            writeln!(
                self.out,
                "In progress: {} (`resume {}` continues it)",
                mode_phrase(mode),
                mode.as_str()
            )?;
        }
        writeln!(self.out, "{HOME_HELP}")?;
        self.prompt()
    }

    fn home_command(&mut self, word: &str, rest: &str) -> io::Result<()> {
        let replace = rest.split_whitespace().any(|w| w == "replace");
        let policy = if replace {
            IfInProgress::Abandon
        } else {
            IfInProgress::Refuse
        };
        match word {
            "" => self.prompt(),
            "exam" | "mock" => self.start(NewAttempt::mock(None), policy),
            "drill" if rest.starts_with("service ") => self.start(
                NewAttempt::drill(Scope::Service {
                    service: rest["service ".len()..].trim().to_string(),
                }),
                policy,
            ),
            "drill" if rest.starts_with("words ") => self.start(
                NewAttempt::drill(Scope::Grep {
                    text: rest["words ".len()..].trim().to_string(),
                }),
                policy,
            ),
            "practice" => {
                let words: Vec<&str> = rest.split_whitespace().collect();
                let request = NewAttempt::Practice {
                    count: words.iter().find_map(|w| w.parse().ok()),
                    feedback: if words.contains(&"now") {
                        Feedback::Now
                    } else {
                        Feedback::End
                    },
                    untimed: words.contains(&"untimed"),
                    time_limit_secs: None,
                    seed: None,
                };
                self.start(request, policy)
            }
            "due" | "spaced" => self.start(NewAttempt::Due { count: None }, policy),
            "readiness" => {
                let line = self.practice.readiness().line();
                self.say(&line)
            }
            "progress" => {
                let text = crate::study::progress::render(&self.practice.progress());
                self.say(&text)
            }
            "drill" => match drill_scope(rest.split_whitespace().next().unwrap_or("")) {
                Some(scope) => self.start(NewAttempt::drill(scope), policy),
                None => self.say("Drill what? e.g. `drill 3` (a domain), `drill 1.4` (a task), `drill 3.3.s2` (a skill)."),
            },
            "missed" => self.start(NewAttempt::Missed { count: None }, policy),
            "resume" | "continue" => {
                let mode = match rest {
                    "" => None,
                    "exam" | "mock" => Some(Mode::Exam),
                    "drill" => Some(Mode::Drill),
                    "review" | "missed" => Some(Mode::Review),
                    other => {
                        return self.say(&format!(
                            "No mode \"{}\": resume exam, drill or review.",
                            safe_text::line(other)
                        ));
                    }
                };
                let resumed = self.practice.resume(mode);
                self.entered(resumed)
            }
            "history" => self.history(),
            "answers" => {
                let id = (!rest.is_empty()).then_some(rest);
                match self.practice.attempt(id) {
                    Ok(scored) => {
                        self.attempt_review(&scored)?;
                        self.prompt()
                    }
                    Err(e) => self.say(&sentence(&e.to_string())),
                }
            }
            "help" | "?" => self.say(HOME_HELP),
            "quit" | "q" | "exit" => {
                self.quit = true;
                Ok(())
            }
            other => self.say(&format!(
                "Unknown command \"{}\". {HOME_HELP}",
                safe_text::line(other)
            )),
        }
    }

    fn start(&mut self, request: NewAttempt, policy: IfInProgress) -> io::Result<()> {
        let started = self.practice.start(request, policy);
        self.entered(started)
    }

    fn entered(&mut self, outcome: Result<Vec<Event>, PracticeError>) -> io::Result<()> {
        match outcome {
            Ok(events) => {
                self.place = Place::Sitting { ending: false };
                if self.events(events)? {
                    return Ok(());
                }
                self.question()
            }
            Err(PracticeError::InProgress { mode }) => self.say(&format!(
                "{} is in progress: `resume {}` continues it, or add `replace` (e.g. `{} replace`) to record it as abandoned and start a new one.",
                capitalized(&mode_phrase(mode)),
                mode.as_str(),
                match mode {
                    Mode::Exam => "exam",
                    Mode::Drill => "drill 1.1",
                    Mode::Review => "missed",
                }
            )),
            Err(e) => self.say(&sentence(&e.to_string())),
        }
    }

    fn history(&mut self) -> io::Result<()> {
        let history = self.practice.history();
        if history.is_empty() {
            return self.say("No finished attempts yet.");
        }
        for Scored { attempt, card } in &history {
            writeln!(
                self.out,
                "{} · {} · {} · {}/{} ({:.0}%) · {}",
                safe_text::line(&attempt.id),
                date(&safe_text::line(&attempt.finished)),
                attempt.mode().as_str(),
                card.correct,
                card.total,
                card.percent,
                duration(card.seconds_used)
            )?;
        }
        writeln!(self.out, "`answers ID` walks through one.")?;
        self.prompt()
    }

    fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")?;
        self.prompt()
    }

    // ----- sitting -----

    fn sitting_command(&mut self, word: &str, rest: &str, ending: bool) -> io::Result<()> {
        if ending {
            self.place = Place::Sitting { ending: false };
            if matches!(word, "yes" | "y" | "end") {
                let events = self.practice.end();
                self.events(events)?;
                return Ok(());
            }
            writeln!(self.out, "Not ended.")?;
        }
        let Some(s) = self.practice.session() else {
            return self.home();
        };
        let i = s.current;
        let last = i + 1 == s.len();
        let feedback_now = s.paper.feedback == Feedback::Now;
        match word {
            "" => self.prompt(),
            "next" | "n" if last && feedback_now && s.is_revealed(i) => {
                let events = self.practice.end();
                self.events(events).map(drop)
            }
            "next" | "n" if last => {
                writeln!(self.out, "That was the last question.")?;
                self.review_list(None)
            }
            "next" | "n" => self.act_and_show(Action::Next),
            "back" | "previous" | "p" => {
                if i == 0 {
                    self.say("This is the first question.")
                } else {
                    self.act_and_show(Action::Previous)
                }
            }
            "go" | "goto" => match rest.parse::<usize>() {
                Ok(n) if (1..=s.len()).contains(&n) => self.act_and_show(Action::GoTo(n - 1)),
                _ => self.say(&format!("Go to which question? 1 to {}.", s.len())),
            },
            "flag" | "mark" => {
                let events = self.practice.act(Action::ToggleFlag);
                self.events(events)?;
                let flagged = self
                    .practice
                    .session()
                    .is_some_and(|s| s.responses[i].flagged);
                self.say(if flagged { "Flagged." } else { "Flag removed." })
            }
            "clear" => {
                let events = self.practice.act(Action::Clear);
                self.events(events)?;
                self.say("Answer cleared.")
            }
            "guess" | "unsure" | "sure" => self.confidence(word),
            "show" => self.question(),
            "time" => {
                let text = time_text(s);
                self.say(&text)
            }
            "review" => self.review_list(Some(rest)),
            "end" | "submit" => {
                let (unanswered, flagged) = (s.unanswered(), s.flagged());
                writeln!(self.out, "End the {}?", mode_noun_of(s))?;
                if !unanswered.is_empty() {
                    writeln!(
                        self.out,
                        "Unanswered ({}): {} — they count as wrong.",
                        unanswered.len(),
                        numbers(&unanswered)
                    )?;
                }
                if !flagged.is_empty() {
                    writeln!(
                        self.out,
                        "Flagged ({}): {}",
                        flagged.len(),
                        numbers(&flagged)
                    )?;
                }
                self.place = Place::Sitting { ending: true };
                self.say("Type yes to end it; anything else goes back.")
            }
            "help" | "?" => self.say(SITTING_HELP),
            "quit" | "q" | "pause" | "exit" => {
                let events = self.practice.pause();
                self.events(events)?;
                writeln!(self.out, "Paused and saved; `resume` continues it.")?;
                self.home()
            }
            _ if is_answer(word, rest) => self.answer(&format!("{word}{rest}")),
            // "b sure": the answer, then the mark (before any verdict, which would lock it).
            _ if confidence_word(line_end(rest)).is_some()
                && is_answer(word, rest.rsplit_once(' ').map_or("", |(a, _)| a)) =>
            {
                let letters = rest.rsplit_once(' ').map_or("", |(a, _)| a);
                let mark = line_end(rest).to_string();
                self.mark_then_answer(&format!("{word}{letters}"), &mark)
            }
            other => self.say(&format!(
                "Unknown command \"{}\". {SITTING_HELP}",
                safe_text::line(other)
            )),
        }
    }

    /// Sets (or, said again, clears) how sure the candidate is of the current answer.
    fn confidence(&mut self, word: &str) -> io::Result<()> {
        let Some(mark) = confidence_word(word) else {
            return self.prompt();
        };
        let Some(s) = self.practice.session() else {
            return self.home();
        };
        let i = s.current;
        if s.is_revealed(i) {
            return self.say("The verdict is shown: the confidence mark stays as it was.");
        }
        let events = self.practice.act(Action::Confidence(mark));
        if self.events(events)? {
            return Ok(());
        }
        let now = self
            .practice
            .session()
            .and_then(|s| s.responses[i].confidence);
        self.say(&match now {
            Some(c) => format!("Marked {}.", c.as_str()),
            None => "Confidence mark removed.".into(),
        })
    }

    /// "b sure": marks first, so that a drill's verdict, which locks the mark, comes after it.
    fn mark_then_answer(&mut self, letters: &str, mark: &str) -> io::Result<()> {
        if let (Some(mark), Some(s)) = (confidence_word(mark), self.practice.session())
            && !s.is_revealed(s.current)
            && s.responses[s.current].confidence != Some(mark)
        {
            let events = self.practice.act(Action::Confidence(mark));
            if self.events(events)? {
                return Ok(());
            }
            writeln!(self.out, "Marked {}.", mark.as_str())?;
        }
        self.answer(letters)
    }

    fn act_and_show(&mut self, action: Action) -> io::Result<()> {
        let events = self.practice.act(action);
        if self.events(events)? {
            return Ok(());
        }
        self.question()
    }

    /// Sets the answer to exactly the letters given; in a drill with feedback after each
    /// answer, a complete answer is judged at once.
    fn answer(&mut self, letters: &str) -> io::Result<()> {
        let Some(s) = self.practice.session() else {
            return self.home();
        };
        let i = s.current;
        let item = &s.paper.items[i];
        let (options, required) = (item.order.len(), item.required());
        let mut wanted: Vec<usize> = Vec::new();
        for c in letters.chars().filter(|c| !c.is_whitespace() && *c != ',') {
            match position(c) {
                Some(p) if p < options => {
                    if !wanted.contains(&p) {
                        wanted.push(p);
                    }
                }
                _ => {
                    return self.say(&format!(
                        "\"{c}\" is not an option: A to {}.",
                        letter(options - 1)
                    ));
                }
            }
        }
        if wanted.len() > required {
            return self.say(&format!(
                "This question takes {required} answer{}; you gave {}.",
                if required == 1 { "" } else { "s" },
                wanted.len()
            ));
        }
        if s.is_revealed(i) {
            return self.say("This answer was already judged; `next` goes on.");
        }
        let mut events = self.practice.act(Action::Clear);
        for p in wanted.iter().copied() {
            events.extend(self.practice.act(Action::Choose(p)));
        }
        if self.events(events)? {
            return Ok(());
        }
        let Some(s) = self.practice.session() else {
            return self.home();
        };
        let chosen: Vec<String> = (0..options)
            .filter(|&p| s.is_chosen(i, p))
            .map(|p| letter(p).to_string())
            .collect();
        writeln!(self.out, "Answer: {}.", chosen.join(" "))?;
        if wanted.len() < required {
            return self.say(&format!("Choose {} more.", required - wanted.len()));
        }
        if s.paper.feedback == Feedback::Now {
            let revealed = self.practice.reveal();
            match revealed {
                Ok(events) => {
                    if self.events(events)? {
                        return Ok(());
                    }
                    self.verdict()?;
                }
                Err(e) => writeln!(self.out, "{}", sentence(&e.to_string()))?,
            }
        }
        let last = self
            .practice
            .session()
            .is_some_and(|s| s.current + 1 == s.len());
        self.say(if last {
            "`next` finishes; `end` ends here."
        } else {
            "`next` for the next question."
        })
    }

    /// The current question: where it is, its stem and lettered options, the answer so far.
    fn question(&mut self) -> io::Result<()> {
        let Some(s) = self.practice.session() else {
            return self.home();
        };
        let i = s.current;
        let item = &s.paper.items[i];
        let mut head = format!(
            "Question {} of {} · {} · answered {} · flagged {}",
            i + 1,
            s.len(),
            time_text(s),
            s.answered_count(),
            s.flagged_count()
        );
        if s.responses[i].flagged {
            head.push_str(" · this one is flagged");
        }
        writeln!(self.out, "\n{head}")?;
        let q = match item.question(self.practice.bank()) {
            Ok(q) => q,
            Err(why) => {
                writeln!(self.out, "{why} `next` goes on.")?;
                return self.prompt();
            }
        };
        writeln!(self.out, "{}", q.stem)?;
        if item.required() > 1 {
            writeln!(self.out, "(Select {}.)", count_word(item.required()))?;
        }
        for (pos, &option) in item.order.iter().enumerate() {
            writeln!(self.out, "{}. {}", letter(pos), q.options[option].text)?;
        }
        let chosen: Vec<String> = (0..item.order.len())
            .filter(|&p| s.is_chosen(i, p))
            .map(|p| letter(p).to_string())
            .collect();
        if !chosen.is_empty() {
            writeln!(self.out, "Your answer: {}.", chosen.join(" "))?;
        }
        if let Some(c) = s.responses[i].confidence {
            writeln!(self.out, "Marked {}.", c.as_str())?;
        }
        if s.is_revealed(i) {
            self.verdict()?;
        }
        self.prompt()
    }

    /// A judged answer: right or wrong, the key, every option's reason, the explanation.
    fn verdict(&mut self) -> io::Result<()> {
        let Some(s) = self.practice.session() else {
            return Ok(());
        };
        let i = s.current;
        let item = &s.paper.items[i];
        let Ok(q) = item.question(self.practice.bank()) else {
            return Ok(());
        };
        let verdict = if s.is_correct(i) {
            "Correct."
        } else {
            "Incorrect."
        };
        let keys: Vec<String> = item
            .key_positions()
            .into_iter()
            .map(|p| letter(p).to_string())
            .collect();
        writeln!(self.out, "{verdict} The answer is {}.", keys.join(" "))?;
        explain(&mut self.out, item, &q)
    }

    fn review_list(&mut self, filter: Option<&str>) -> io::Result<()> {
        let Some(s) = self.practice.session() else {
            return self.home();
        };
        let only = filter.unwrap_or("");
        let listed: Vec<usize> = (0..s.len())
            .filter(|&i| match only {
                "flagged" => s.responses[i].flagged,
                "incomplete" | "unanswered" => !s.is_answered(i),
                _ => true,
            })
            .collect();
        writeln!(
            self.out,
            "Answered {} of {} · flagged {}",
            s.answered_count(),
            s.len(),
            s.flagged_count()
        )?;
        for i in listed {
            let state = if s.is_answered(i) {
                "answered"
            } else if s.responses[i].chosen.is_empty() {
                "unanswered"
            } else {
                "incomplete"
            };
            let flag = if s.responses[i].flagged {
                ", flagged"
            } else {
                ""
            };
            writeln!(self.out, "{}: {state}{flag}", i + 1)?;
        }
        self.say("`go N` opens a question; `end` ends the attempt.")
    }

    // ----- finished attempts -----

    fn results(&mut self, f: &Finished) -> io::Result<()> {
        let card = &f.card;
        let s = &f.attempt.session;
        writeln!(self.out, "\nResults · {}", mode_noun_of(s))?;
        if s.status == crate::exam::Status::TimeUp {
            writeln!(self.out, "Time ran out: the attempt ended itself.")?;
        }
        if let Some(e) = &f.save_error {
            writeln!(self.out, "! {e}")?;
        }
        if f.attempt.is_mock() {
            writeln!(
                self.out,
                "{}/{} correct ({:.1}%) · {}",
                card.correct,
                card.total,
                card.percent,
                if card.passed { "PASS" } else { "FAIL" }
            )?;
            writeln!(
                self.out,
                "Estimated scaled score {} (an estimate; pass mark {})",
                card.scaled_estimate, card.pass_mark
            )?;
        } else {
            writeln!(
                self.out,
                "{}/{} correct ({:.1}%) · practice: no pass/fail or scaled score",
                card.correct, card.total, card.percent
            )?;
        }
        writeln!(self.out, "Domain · weight · correct · percent · competency")?;
        for d in &card.domains {
            let t = &d.tally;
            writeln!(
                self.out,
                "{} {} · {}% · {}/{} · {:.0}% · {}",
                t.id,
                t.name,
                d.weight,
                t.correct,
                t.total,
                t.percent(),
                if d.meets_competencies {
                    "Meets Competencies"
                } else {
                    "Needs Improvement"
                }
            )?;
        }
        if s.paper.mode != Mode::Exam {
            writeln!(self.out, "Task statement · correct · percent")?;
            for t in &card.tasks {
                writeln!(
                    self.out,
                    "{} {} · {}/{} · {:.0}%",
                    t.id,
                    t.name,
                    t.correct,
                    t.total,
                    t.percent()
                )?;
            }
        }
        writeln!(
            self.out,
            "Time used {} · {} of {} answered · answer changes: right→wrong {}, wrong→right {}",
            duration(card.seconds_used),
            card.answered,
            card.total,
            card.changes.right_to_wrong,
            card.changes.wrong_to_right
        )?;
        for line in crate::format::confidence_lines(s) {
            writeln!(self.out, "{line}")?;
        }
        writeln!(
            self.out,
            "Attempt {}; `answers {}` walks through it.",
            safe_text::line(&f.attempt.id),
            safe_text::line(&f.attempt.id)
        )
    }

    fn attempt_review(&mut self, scored: &Scored) -> io::Result<()> {
        let s = &scored.attempt.session;
        writeln!(
            self.out,
            "Answer review · attempt {} · {}/{} correct",
            safe_text::line(&scored.attempt.id),
            scored.card.correct,
            scored.card.total
        )?;
        for i in 0..s.len() {
            let item = &s.paper.items[i];
            let verdict = if s.is_correct(i) {
                "correct"
            } else if s.responses[i].chosen.is_empty() {
                "unanswered"
            } else {
                "incorrect"
            };
            writeln!(
                self.out,
                "\nQuestion {} of {} · {} · {verdict}",
                i + 1,
                s.len(),
                safe_text::line(&item.id)
            )?;
            let q = match item.question(self.practice.bank()) {
                Ok(q) => q,
                Err(why) => {
                    writeln!(self.out, "{why}")?;
                    continue;
                }
            };
            writeln!(self.out, "{}", q.stem)?;
            for (pos, &option) in item.order.iter().enumerate() {
                if let Some(o) = q.options.get(option) {
                    let mine = if s.is_chosen(i, pos) {
                        " (your answer)"
                    } else {
                        ""
                    };
                    writeln!(self.out, "{}. {}{mine}", letter(pos), o.text)?;
                }
            }
            explain(&mut self.out, item, &q)?;
        }
        Ok(())
    }
}

/// Every option's reason, the explanation and the references.
fn explain(out: &mut impl Write, item: &crate::exam::PaperItem, q: &Question) -> io::Result<()> {
    for (pos, &option) in item.order.iter().enumerate() {
        if let Some(o) = q.options.get(option)
            && !o.why.trim().is_empty()
        {
            let label = if o.correct { "Right" } else { "Wrong" };
            writeln!(out, "{}: {label}: {}", letter(pos), o.why)?;
        }
    }
    if !q.explanation.trim().is_empty() {
        writeln!(out, "Explanation: {}", q.explanation)?;
    }
    for r in &q.references {
        writeln!(out, "Reference: {r}")?;
    }
    Ok(())
}

/// A line of option letters: "b", "b d", "bd", "B,D".
fn is_answer(word: &str, rest: &str) -> bool {
    let all = format!("{word}{rest}");
    !all.is_empty()
        && all.len() <= 12
        && all.chars().all(|c| {
            c.is_ascii_alphabetic() && c.to_ascii_lowercase() <= 'j' || c == ' ' || c == ','
        })
}

fn confidence_word(word: &str) -> Option<Confidence> {
    Confidence::ALL.into_iter().find(|c| c.as_str() == word)
}

/// The last word of a line.
fn line_end(text: &str) -> &str {
    text.rsplit(' ').next().unwrap_or("")
}

/// "3" → a domain, "1.4" → a task, "3.3.s2" → a skill bullet.
fn drill_scope(text: &str) -> Option<Scope> {
    match text.matches('.').count() {
        _ if text.is_empty() => None,
        0 => text.parse().ok().map(|domain| Scope::Domain { domain }),
        1 => Some(Scope::Task {
            task: text.to_string(),
        }),
        _ => Some(Scope::Skill {
            skill: text.to_string(),
        }),
    }
}

fn time_text(s: &Session) -> String {
    match s.remaining() {
        Some(left) => format!("{} left", clock(left)),
        None => format!("{} elapsed", clock(s.elapsed)),
    }
}

fn mode_noun_of(s: &Session) -> &'static str {
    crate::practice::mode_noun(s.paper.mode)
}

fn numbers(list: &[usize]) -> String {
    list.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn sentence(text: &str) -> String {
    format!("{}.", capitalized(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_scopes_are_recognised() {
        assert!(is_answer("b", ""));
        assert!(is_answer("b", "d"));
        assert!(is_answer("B,D", ""));
        assert!(!is_answer("next", ""));
        assert!(!is_answer("flag", ""));
        assert_eq!(drill_scope("3"), Some(Scope::Domain { domain: 3 }));
        assert_eq!(drill_scope("1.4"), Some(Scope::Task { task: "1.4".into() }));
        assert_eq!(
            drill_scope("3.3.s2"),
            Some(Scope::Skill {
                skill: "3.3.s2".into()
            })
        );
        assert_eq!(drill_scope(""), None);
    }
}
