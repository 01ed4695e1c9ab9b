"""The demo's staff comments: varied and realistic, following each wave's story (pure, no Django).

A comment is made of parts written the way staff write: a sentence on one topic, sometimes a
second sentence on the same topic, sometimes another topic, sometimes a closing line. Whether
a topic comes up, and whether it is praise or a complaint, follows the wave's levels (the mean
answer of the nearest standard, with the respondent's own outlook): supervision complaints
give way to praise as supervision improves from 2023 to 2025, workload and caseloads ease in
2025 and Children's staff credit the new duty rota. The parts come from a random stream of
their own (`COMMENTS_SEED`), so every other demo figure stays as it was.
"""

import random
from collections.abc import Mapping
from dataclasses import dataclass

COMMENTS_SEED = 20252
DUTY_ROTA_QUOTE = "The new duty rota has made a real difference."  # quoted by the demo report
CHILDREN, ADULTS = "Children's Services", "Adult Social Care"


@dataclass(frozen=True)
class Topic:
    name: str
    themes: tuple[str, ...]  # the packaged dictionary's themes a reader would give it
    level: str  # the wave level it follows (demo/surveys.py `levels`)
    weight: float  # how often it comes up when all is well
    praise: tuple[str, ...]
    complaints: tuple[str, ...]
    praise_more: tuple[str, ...] = ()
    complaints_more: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comment:
    text: str
    topics: tuple[tuple[str, bool], ...]  # (topic, praise?) in the order written

    @property
    def themes(self) -> set[str]:
        return {t for name, _ in self.topics for t in TOPICS[name].themes}


_TOPICS = (
    Topic(
        "workload",
        ("Workload",),
        "S3",
        3.0,
        praise=(
            "My workload is more manageable than it was last year.",
            "Duty is calmer now and I get home on time most days.",
            "For the first time in years the workload feels about right.",
            "Having business support back has taken a lot of the admin off us.",
            "The workload is busy but fair, and I can ask for help when I need it.",
        ),
        complaints=(
            "The workload is unmanageable.",
            "I regularly work evenings just to keep my recording up to date.",
            "There is never enough time to do the job properly.",
            "Too much of my week goes on paperwork rather than {direct_work}.",
            "The pressure never lets up.",
            "Deadlines for {deadline_work} pile up faster than we can meet them.",
            "I work extra hours most weeks and it is expected.",
            "worklaod is crazy at the moment",
            "The amount of work we are expected to do in a day is not realistic.",
        ),
        praise_more=(
            "It means I can spend proper time on {direct_work}.",
            "It is a big change from a couple of years ago.",
        ),
        complaints_more=(
            "Something has to give.",
            "Nobody asks whether the hours are sustainable.",
            "We are firefighting rather than doing good work.",
        ),
    ),
    Topic(
        "caseload",
        ("Workload", "Caseload"),
        "S3",
        2.0,
        praise=(
            "Caseloads have come down this year and it shows in the quality of our work.",
            "My caseload is manageable now.",
            "Cases are allocated more fairly since the allocation meeting changed.",
            "My case load is the lowest it has been since I qualified.",
        ),
        complaints=(
            "Caseloads are still too high in our team.",
            "My caseload has been over 25 for most of the year.",
            "Too many cases and too little time.",
            "Complex cases are allocated to newly qualified staff because there is no one else.",
            "The allocation of cases does not take complexity into account.",
            "I was allocated three new cases in the week I came back from holiday.",
        ),
        praise_more=("Please keep it that way.",),
        complaints_more=(
            "{people} deserve better than a worker who is always rushing.",
            "It is not safe practice.",
        ),
    ),
    Topic(
        "supervision",
        ("Supervision",),
        "S5",
        2.0,
        praise=(
            "Supervision has been much more regular this year.",
            "I get good reflective supervision every month and it is protected.",
            "Supervision is consistent and I always come away with a plan.",
            "Group supervision has been really useful.",
            "Supervision now has space for reflection, not just a case list.",
            "No complaints about supervision, it happens when it should.",
        ),
        complaints=(
            "Supervision keeps getting cancelled.",
            "I have had two supervision sessions since the summer.",
            "Supervision is a case list, with no space for reflection.",
            "Supervision is not regular and I do not know when the next one is.",
            "My supervison is often done in the car between visits.",
            "Supervision has been moved three times this month.",
        ),
        praise_more=(
            "It makes a real difference to how I feel about the work.",
            "Thank you to my supervisor.",
        ),
        complaints_more=(
            "Protected time for supervision would help.",
            "It is always the first thing to be cancelled.",
        ),
    ),
    Topic(
        "management",
        ("Management and leadership",),
        "S1",
        1.5,
        praise=(
            "My manager is approachable and always makes time for me.",
            "Senior leaders have been more visible this year.",
            "The head of service knows us by name and listens.",
            "No complaints about my manager.",
            "Communication from senior managers has improved.",
        ),
        complaints=(
            "Senior management do not listen to frontline staff.",
            "Decisions are made without asking the people who do the work.",
            "Communication about changes is poor; we hear about them second hand.",
            "We have had too many changes of manager.",
        ),
        praise_more=("It feels like leaders understand the job.",),
        complaints_more=("It feels like nobody at the top knows what the job is like.",),
    ),
    Topic(
        "training",
        ("Training and development",),
        "S6",
        1.5,
        praise=(
            "The training offer is good and I have been on some excellent courses.",
            "The ASYE programme has been well organised.",
            "I have been supported to start the practice educator course.",
            "There is a clear route to progression now.",
        ),
        complaints=(
            "I would like more protected time for training.",
            "There is no career progression beyond senior practitioner.",
            "Training is mostly e-learning, which is not the same.",
            "CPD is the first thing to be cancelled.",
        ),
        praise_more=("Protected learning time has made the difference.",),
        complaints_more=("I have not been on a course since I started.",),
    ),
    Topic(
        "pay",
        ("Pay and reward",),
        "pay",
        1.0,
        praise=(
            "The market supplement was welcome.",
            "Pay here compares well with neighbouring councils.",
        ),
        complaints=(
            "Pay has not kept up with the cost of living.",
            "Pay does not reflect the responsibility we carry.",
            "Mileage rates have not kept up with fuel prices.",
            "I have been on the same grade for years.",
        ),
        complaints_more=("It is hard not to look elsewhere.",),
    ),
    Topic(
        "wellbeing",
        ("Wellbeing",),
        "S4",
        1.5,
        praise=(
            "I feel less stressed than I did a year ago.",
            "The wellbeing offer has been genuinely helpful.",
            "Work life balance is much better this year.",
        ),
        complaints=(
            "I am exhausted by the end of every week.",
            "I often feel stressed and cannot switch off.",
            "Morale is low at the moment.",
            "I am close to burnout.",
        ),
        praise_more=("I can switch off at the weekend again.",),
        complaints_more=("I do not know how much longer I can keep this up.",),
    ),
    Topic(
        "staffing",
        ("Staffing and recruitment",),
        "staffing",
        1.5,
        praise=(
            "Recruitment has improved and we are almost fully staffed.",
            "Fewer agency workers means families keep the same social worker.",
            "The new starters recruited this year have settled in well.",
        ),
        complaints=(
            "We rely too much on agency staff who leave after a few months.",
            "Vacancies mean the rest of us are covering extra work.",
            "Good people keep leaving and nobody asks why.",
            "We have been short staffed all year.",
            "It takes months to recruit to a post and we lose good candidates.",
        ),
        complaints_more=("Exit interviews should be acted on.",),
    ),
    Topic(
        "it",
        ("IT and systems",),
        "it",
        1.0,
        praise=(
            "The new laptops are a big improvement.",
            "The recording system is quicker since the upgrade.",
        ),
        complaints=(
            "The recording system is slow and crashes when you need it most.",
            "My laptop takes twenty minutes to start.",
            "Work phones have no signal in half the places we visit.",
            "The forms on the system ask the same questions several times.",
        ),
    ),
    Topic(
        "office",
        ("Office and hybrid working",),
        "office",
        1.0,
        praise=(
            "Hybrid working suits me and my family.",
            "Working from home for report writing has been great.",
            "The new hub is a good base to work from.",
        ),
        complaints=(
            "There are never enough desks on office days.",
            "Parking near the office is impossible.",
            "Hot desking makes confidential calls difficult.",
        ),
    ),
    Topic(
        "team",
        ("Team and colleagues",),
        "team",
        1.2,
        praise=(
            "My colleagues are the best part of the job.",
            "The team is supportive and we look out for each other.",
            "Peer support in our team is strong.",
        ),
        complaints=(
            "I rarely see my colleagues these days.",
            "There has been tension in the team this year.",
        ),
    ),
    Topic(
        "culture",
        ("Culture, equality and respect",),
        "equality",
        0.8,
        praise=(
            "I feel valued and respected here.",
            "The council takes equality and inclusion seriously.",
            "There is an open culture where you can admit a mistake.",
        ),
        complaints=(
            "There is still a blame culture when things go wrong.",
            "Good work is rarely recognised.",
            "Staff who raise concerns are not always treated with respect.",
        ),
    ),
)
TOPICS: Mapping[str, Topic] = {t.name: t for t in _TOPICS}

# Levels the survey does not measure: pay is a sore point every year; staffing improves as the
# vacancy rate falls (demo story); the rest are mixed.
_FIXED = {"pay": 2.9, "it": 3.1, "office": 3.4, "team": 4.1}
_STAFFING = {2023: 3.0, 2024: 3.3, 2025: 3.7}
_CLOSINGS = (
    "Thank you for asking.",
    "Please act on the results this time.",
    "Overall it is a good place to work.",
    "I am proud of the work we do.",
    "",
)
_WORDS = {
    CHILDREN: {
        "direct_work": "direct work with children and families",
        "deadline_work": "court statements and assessments",
        "people": "Children and families",
    },
    ADULTS: {
        "direct_work": "time with the people we support",
        "deadline_work": "Care Act assessments and reviews",
        "people": "The people we support",
    },
}


class CommentWriter:
    """Writes a wave's comments from its own seeded stream (see the module's rules)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed + COMMENTS_SEED)  # noqa: S311 - synthetic data

    def one_more(self) -> bool:
        """Whether a respondent the main stream gave no comment writes one (a quarter do)."""
        return self.rng.random() < 0.25

    def write(
        self, *, service: str, year: int, levels: Mapping[str, float], outlook: float
    ) -> Comment:
        """A comment for a wave of `service` in `year` whose levels are `levels` (mean answers,
        1-5), from a respondent whose answers sit `outlook` above or below the mean."""
        rng = self.rng
        if service == CHILDREN and year >= 2025 and rng.random() < 0.12:
            return Comment(DUTY_ROTA_QUOTE, (("workload", True),))
        first = self._topic(levels, year, avoid=None)
        praise = self._praise(first, levels, year, outlook)
        parts = [self._say(first, praise, service)]
        topics = [(first.name, praise)]
        if rng.random() < 0.4:
            more = first.praise_more if praise else first.complaints_more
            if more:
                parts.append(self._fill(rng.choice(more), service))
        if rng.random() < 0.35:
            second = self._topic(levels, year, avoid=first.name)
            second_praise = (  # one view of workload, whether of hours or of cases
                praise
                if set(first.themes) & set(second.themes)
                else self._praise(second, levels, year, outlook)
            )
            parts.append(self._say(second, second_praise, service))
            topics.append((second.name, second_praise))
        if rng.random() < 0.25:
            parts.append(rng.choice(_CLOSINGS))
        text = " ".join(p for p in parts if p)
        return Comment(self._style(text), tuple(topics))

    def _level(self, topic: Topic, levels: Mapping[str, float], year: int) -> float:
        if topic.level == "staffing":
            return _STAFFING.get(year, 3.3)
        return levels.get(topic.level, _FIXED.get(topic.level, 3.3))

    def _praise_share(self, topic: Topic, levels: Mapping[str, float], year: int) -> float:
        return min(0.9, max(0.05, (self._level(topic, levels, year) - 2.6) / 1.6))

    def _topic(self, levels: Mapping[str, float], year: int, avoid: str | None) -> Topic:
        """Problems come up more often than things that work."""
        candidates = [t for t in _TOPICS if t.name != avoid]
        weights = [t.weight * (1.6 - self._praise_share(t, levels, year)) for t in candidates]
        return self.rng.choices(candidates, weights)[0]

    def _praise(self, topic: Topic, levels: Mapping[str, float], year: int, outlook: float) -> bool:
        share = self._praise_share(topic, levels, year) + outlook / 3
        return self.rng.random() < min(0.95, max(0.03, share))

    def _say(self, topic: Topic, praise: bool, service: str) -> str:
        return self._fill(self.rng.choice(topic.praise if praise else topic.complaints), service)

    def _fill(self, sentence: str, service: str) -> str:
        return sentence.format(**_WORDS.get(service, _WORDS[CHILDREN]))

    def _style(self, text: str) -> str:
        """Some staff write in a hurry: lower case, no full stop."""
        if self.rng.random() < 0.1:
            return text.lower().rstrip(".")
        return text
