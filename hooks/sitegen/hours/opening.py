"""Open now: opening intervals and the one-line state of a schedule, at any moment.

The build turns each schedule group (one schedule, or the seasons of one place) and the
Latvian calendar (``calendar_lv``) into a *timeline*: consecutive segments from a start
moment, each with its state line in both languages ("Atvērts līdz 16.30 (pusdienu
pārtraukums 12.00–12.30)", "Šodien slēgts: Līgo diena; atver pirmdien 8.00" …) and whether
it is open. ``timeline_json`` packs 13 months of it for the widget (all of them in one file,
``timelines``)
(``overrides/widgets/open-now/``), which only looks up the segment that holds "now";
``state_at`` is the Python reference answer for one moment (the case table in the
widget's ``tests/`` runs through both).

All moments are in Europe/Riga: local times are turned into instants with ``zoneinfo``,
so a span across a change to or from summer time is one hour shorter or longer.

The two changes of the year (``local``), the stated rule: on the last Sunday of March the
clocks go from 03:00 to 04:00, so a time from 03:00 to 03:59 does not exist that night; it
is read as the moment of the change (04:00 summer time), never as a time an hour later the
data did not state (a night shelter "until 03:30" closes at the change, a session from
03:30 opens at 04:00). On the last Sunday of October the clocks go from 04:00 back to
03:00, so 03:00 to 03:59 happens twice; a time in it is the first of the two (summer time,
``fold=0``). docs/editing-guide.*.md says the same for editors.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from ..base.languages import BABEL_LOCALE, LANGUAGES, clock, clock_time
from ..base.memo import IdentityMemo
from ..base.today import RIGA, build_date  # build_date: re-exported for the hooks
from ..base.weekdays import WEEKDAYS
from ..data.calendar_file import ShortenedRule
from ..data.field_types import minutes
from ..data.provenance import resolve
from ..text.dates import day_month, long_date, weekday_date
from ..text.latvian_forms import locative, month_in
from .calendar_lv import DayInfo, LatvianCalendar

UTC = dt.UTC
LANGS = LANGUAGES
WINDOW_MONTHS = 13  # how far ahead the build computes the timelines
EXCEPTION_DAYS = 60  # how far ahead the list of holidays and changes looks
RESERVE_DAYS = 14  # a page keeps room for the longest line of this many days (weekly builds)
HOURS_FILE = "open-now/hours.json"  # every timeline of the site, by key (widget-relative)
LOOKAHEAD_DAYS = 40  # beyond the window, to find the next opening


Strings = dict[str, dict[str, str]]  # ui.yaml: key -> {lv, en}


# --- the build's "today" -------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def local(day: dt.date, time: dt.time) -> dt.datetime:
    """The instant (UTC) of a local Riga wall-clock time. A time in the spring-forward gap
    is the moment of the change; a time in the repeated autumn hour is its first occurrence
    (the module's docstring states the rule)."""
    wall = dt.datetime.combine(day, time, tzinfo=RIGA)
    moment = wall.astimezone(UTC)
    if day.month in (3, 10) and day.weekday() == 6 and day.day > 24:  # a change may be today
        shown = moment.astimezone(RIGA)
        if (shown.hour, shown.minute) != (time.hour, time.minute):  # no such time: the gap
            offset = shown.utcoffset()
            while (moment - dt.timedelta(minutes=1)).astimezone(RIGA).utcoffset() == offset:
                moment -= dt.timedelta(minutes=1)
    return moment


def midnight(day: dt.date) -> dt.datetime:
    return local(day, dt.time(0))


def riga(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(RIGA)


# --- spans: when a schedule is open on one date ------------------------------------------


@dataclass(frozen=True)
class Span:
    day: DayInfo  # the date the span starts on
    start: dt.datetime  # UTC
    end: dt.datetime
    breaks: tuple[tuple[dt.datetime, dt.datetime], ...]
    shortened: bool


def _spans(schedule: Any, cal: LatvianCalendar, rule: ShortenedRule, day: dt.date) -> list[Span]:
    if schedule.season_dates is not None and not schedule.season_dates.contains(day):
        return []
    info = cal.day(day)
    if not schedule.closes_on_holidays:  # a shelter: the calendar does not change it
        info = DayInfo(day, "weekend" if day.weekday() >= 5 else "workday")
    if info.kind in ("holiday", "moved_off"):
        return []
    weekday = WEEKDAYS[info.weekday]
    found = []
    shortens = schedule.rule.shortened_before_holidays and rule == "one-hour-earlier"
    for hours in schedule.hours:
        if weekday not in (hours.days or ()) or hours.close is None:
            continue
        start = local(day, hours.open)
        end = local(day + dt.timedelta(days=1 if hours.overnight else 0), hours.close)
        shortened = info.shortened and shortens and not hours.overnight
        if shortened:
            end -= dt.timedelta(hours=1)
        breaks = []
        for brk in hours.breaks:
            after_midnight = hours.overnight and minutes(brk.start) < minutes(hours.open)
            brk_day = day + dt.timedelta(days=1 if after_midnight else 0)
            b_start, b_end = local(brk_day, brk.start), local(brk_day, brk.end)
            if b_start < end:
                breaks.append((b_start, min(b_end, end)))
        found.append(Span(info, start, end, tuple(breaks), shortened))
    return found


# --- segments ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    start: dt.datetime  # UTC
    open: bool | None  # None: the data do not say
    text: tuple[str, str]  # lv, en


class Texts:
    """The state lines, from ui.yaml's ``open_now.*`` strings."""

    def __init__(self, strings: Strings):
        self.strings = strings

    def ui(self, key: str, lang: str, **values: Any) -> str:
        return self.strings[f"open_now.{key}"][lang].format(**values)

    @staticmethod
    def clock(moment: dt.datetime, lang: str) -> str:
        at = riga(moment)
        return clock(at.hour, at.minute, lang)

    def when(self, today: dt.date, at: dt.datetime, lang: str) -> str:
        day, time = riga(at).date(), self.clock(at, lang)
        ahead = (day - today).days
        if ahead == 0:
            return self.ui("when_today", lang, time=time)
        if ahead == 1:
            return self.ui("when_tomorrow", lang, time=time)
        if ahead < 7:
            weekday = self.ui("weekdays", lang).split(",")[day.weekday()]
            return self.ui("when_weekday", lang, weekday=weekday, time=time)
        month = month_in(day.month, lang)
        return self.ui("when_date", lang, day=day.day, month=month, time=time)

    def open(self, span: Span, piece_end: dt.datetime, lang: str) -> str:
        until = self.clock(span.end, lang)
        if span.shortened:
            text = self.ui("shortened", lang, until=until)
        elif span.day.kind == "moved_work":
            text = self.ui("moved_work", lang, until=until)
        else:
            text = self.ui("open", lang, until=until)
        later = [b for b in span.breaks if b[0] >= piece_end]
        if later:
            start, end = later[0]
            text += self.ui(
                "break_later", lang, start=self.clock(start, lang), end=self.clock(end, lang)
            )
        return text

    def on_break(self, end: dt.datetime, lang: str) -> str:
        return self.ui("on_break", lang, until=self.clock(end, lang))

    def closed(self, info: DayInfo, next_open: dt.datetime | None, lang: str) -> str:
        if info.kind == "holiday" and info.name:
            text = self.ui("closed_today", lang, reason=info.name[lang])
        elif info.kind == "moved_off" and info.moved_with:
            reason = self.ui("moved_off", lang, date=day_month(info.moved_with, lang))
            text = self.ui("closed_today", lang, reason=reason)
        else:
            text = self.ui("closed", lang)
        if next_open is not None:
            text += self.ui("opens", lang, when=self.when(info.date, next_open, lang))
        return text


def _pair(make: Any) -> tuple[str, str]:
    return make("lv"), make("en")


def _closed_segments(
    cal: LatvianCalendar,
    texts: Texts,
    start: dt.datetime,
    end: dt.datetime,
    next_open: dt.datetime | None,
    holidays_close: bool = True,
) -> list[Segment]:
    """Closed from ``start`` to ``end``, one segment per local date (today, tomorrow …);
    a holiday is named only where holidays close the place."""
    out = []
    cursor = start
    while cursor < end:
        day = riga(cursor).date()
        info = cal.day(day) if holidays_close else DayInfo(day, "workday")
        out.append(
            Segment(cursor, False, _pair(lambda lang, i=info: texts.closed(i, next_open, lang)))
        )
        cursor = midnight(day + dt.timedelta(days=1))
    return out


def _weekly_timeline(
    schedules: Sequence[Any],
    cal: LatvianCalendar,
    rule: ShortenedRule,
    texts: Texts,
    first: dt.date,
    last: dt.date,
) -> list[Segment]:
    closes = any(s.closes_on_holidays for s in schedules)
    spans: list[Span] = []
    day = first - dt.timedelta(days=1)
    while day <= last + dt.timedelta(days=LOOKAHEAD_DAYS):
        for schedule in schedules:
            spans.extend(_spans(schedule, cal, rule, day))
        day += dt.timedelta(days=1)
    spans.sort(key=lambda s: s.start)
    window_start, window_end = midnight(first), midnight(last + dt.timedelta(days=1))
    out: list[Segment] = []
    cursor = window_start
    for span in spans:
        if cursor >= window_end:
            break
        if span.end <= cursor:
            continue
        if span.start > cursor:
            out += _closed_segments(cal, texts, cursor, span.start, span.start, closes)
            cursor = span.start
        edges = [cursor]
        for b_start, b_end in span.breaks:
            if b_end > cursor:
                edges += [max(b_start, cursor), b_end]
        edges.append(span.end)
        for index in range(0, len(edges) - 1):
            piece_start, piece_end = edges[index], edges[index + 1]
            if piece_end <= piece_start:
                continue
            if index % 2 == 0:  # open
                text = _pair(lambda lang, e=piece_end, s=span: texts.open(s, e, lang))
                out.append(Segment(piece_start, True, text))
            else:  # a break
                text = _pair(lambda lang, e=piece_end: texts.on_break(e, lang))
                out.append(Segment(piece_start, False, text))
        cursor = span.end
    if cursor < window_end:
        out += _closed_segments(cal, texts, cursor, window_end, None, closes)
    return [s for s in out if s.start < window_end]


def _start_times(schedule: Any, cal: LatvianCalendar, day: dt.date) -> list[dt.datetime]:
    """The moments something starts on ``day`` (meal times: "at 15.00"), on the days the
    schedule's kind keeps (meal times follow the working days)."""
    info = cal.day(day)
    if not schedule.closes_on_holidays:
        info = DayInfo(day, "weekend" if day.weekday() >= 5 else "workday")
    if info.kind in ("holiday", "moved_off"):
        return []
    weekday = WEEKDAYS[info.weekday]
    return [
        local(day, h.open) for h in schedule.hours if h.close is None and weekday in (h.days or ())
    ]


def _times_timeline(
    schedule: Any, cal: LatvianCalendar, texts: Texts, first: dt.date, last: dt.date
) -> list[Segment]:
    """Start times only (a soup kitchen's meals "at 15.00"): no open or closed state, only
    when it is next ("Nākamreiz šodien 15.00"), from midnight and from each start on."""
    events: list[dt.datetime] = []
    day = first - dt.timedelta(days=1)
    while day <= last + dt.timedelta(days=LOOKAHEAD_DAYS):
        events += _start_times(schedule, cal, day)
        day += dt.timedelta(days=1)
    events.sort()
    out: list[Segment] = []
    day = first
    while day <= last:
        start, end = midnight(day), midnight(day + dt.timedelta(days=1))
        for point in [start, *(e for e in events if start <= e < end)]:
            upcoming = next((e for e in events if e > point or e == point == start), None)

            def text(lang: str, day: dt.date = day, upcoming: Any = upcoming) -> str:
                if upcoming is None:
                    return texts.ui("next_unknown", lang)
                return texts.ui("next_time", lang, when=texts.when(day, upcoming, lang))

            out.append(Segment(point, None, _pair(text)))
        day += dt.timedelta(days=1)
    return out


def _merge(segments: Iterable[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1].open == seg.open and out[-1].text == seg.text:
            continue
        out.append(seg)
    return out


# --- schedule groups --------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """The schedules answered by one state line: one schedule, or the seasons of a place."""

    schedules: tuple[Any, ...]
    provider_id: str | None

    @property
    def seasonal(self) -> bool:
        return any(s.season is not None for s in self.schedules)

    @property
    def seasons_dated(self) -> bool:
        return all(s.season_dates is not None for s in self.schedules)

    @property
    def weekly(self) -> bool:
        """Every span says on which days: the state can be computed."""
        return all(not s.round_the_clock and all(h.days for h in s.hours) for s in self.schedules)

    @property
    def label(self) -> Any:
        return self.schedules[0].label

    def key(self, rule: str) -> str:
        """The group's content and the shortening rule, hashed (the timeline file's anchor).
        Worked out once per rule and schedule objects: the models are frozen, and the entry
        keeps them alive, so that an identity is never reused while it counts."""
        ids = (rule, *(id(s) for s in self.schedules))
        return _GROUP_KEYS.get(ids, self.schedules, lambda: self._key(rule))

    def _key(self, rule: str) -> str:
        payload = json.dumps(
            [rule, [s.model_dump(mode="json") for s in self.schedules]], sort_keys=True
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def schedule_groups(schedules: Sequence[Any], provider_id: str | None) -> list[Group]:
    """Schedules with a season are answered together, where the first of them stands;
    every other schedule on its own, in the order given (a service's own hours first)."""
    seasons = tuple(s for s in schedules if s.season is not None)
    out: list[Group] = []
    for schedule in schedules:
        if schedule.season is None:
            out.append(Group((schedule,), provider_id))
        elif schedule is seasons[0]:
            out.append(Group(seasons, provider_id))
    return out


def _span_text(schedule: Any, lang: str) -> str:
    parts = []
    for hours in schedule.hours:
        text = clock_time(hours.open, lang)
        if hours.close is not None:
            text += f"–{clock_time(hours.close, lang)}"
        if schedule.season is not None:
            text = f"{schedule.season.get(lang)} {text}"
        parts.append(text)
    return ", ".join(parts)


# Timelines already worked out in this process. A timeline depends only on the schedules'
# content and the shortening rule (the group's key), the window, the calendar's data and the
# interface strings; most pages show a schedule some other page shows too (1,000 services may
# share one), so each is computed once. The calendar's data and the strings are taken by
# identity (the loader and load_ui_strings hand out the same objects while their files are
# unchanged) and kept alive by the entry, so that an identity is never reused while it counts.
_TIMELINES_MAX = 4096  # entries; a long `mkdocs serve` session starts over past this
_TIMELINES: IdentityMemo[list[Segment]] = IdentityMemo(_TIMELINES_MAX)
_GROUP_KEYS: IdentityMemo[str] = IdentityMemo(_TIMELINES_MAX)  # Group.key


def timeline(
    group: Group, cal: LatvianCalendar, strings: Strings, first: dt.date, last: dt.date
) -> list[Segment]:
    """Segments from local midnight of ``first`` to the end of ``last``."""
    key = (group.key(cal.shortening(group.provider_id)), first, last, id(cal.data), id(strings))
    made = _TIMELINES.get(
        key, (cal.data, strings), lambda: _timeline(group, cal, strings, first, last)
    )
    return list(made)


def _timeline(
    group: Group, cal: LatvianCalendar, strings: Strings, first: dt.date, last: dt.date
) -> list[Segment]:
    texts = Texts(strings)
    rule = cal.shortening(group.provider_id)
    start = midnight(first)
    if all(s.round_the_clock for s in group.schedules):
        return [Segment(start, True, _pair(lambda lang: texts.ui("always", lang)))]
    if len(group.schedules) == 1 and group.schedules[0].start_times_only and group.weekly:
        return _merge(_times_timeline(group.schedules[0], cal, texts, first, last))
    undated = group.seasonal and not group.seasons_dated
    if not group.weekly:

        def unknown(lang: str) -> str:
            spans = "; ".join(_span_text(s, lang) for s in group.schedules)
            text = texts.ui("days_not_given", lang, spans=spans)
            return f"{text}. {texts.ui('seasons_not_given', lang)}" if undated else text

        return [Segment(start, None, _pair(unknown))]
    if not undated:
        return _merge(_weekly_timeline(group.schedules, cal, rule, texts, first, last))
    # seasons without dates: each season's state, side by side, and a word that the dates
    # are not given (never a guess which season it is)
    tracks = []
    for schedule in group.schedules:
        undated_copy = schedule.model_copy(update={"season_dates": None})
        tracks.append((schedule, _weekly_timeline([undated_copy], cal, rule, texts, first, last)))
    edges = sorted({seg.start for _, track in tracks for seg in track})
    out = []
    for edge in edges:
        parts, flags = [], set()
        for schedule, track in tracks:
            current = [seg for seg in track if seg.start <= edge][-1]
            parts.append((schedule.season, current))
            flags.add(current.open)

        agreed = next(iter(flags)) if len(flags) == 1 else None

        def joined(lang: str, parts: list[Any] = parts, agreed: bool | None = agreed) -> str:
            lines = [
                texts.ui(
                    "season",
                    lang,
                    season=season.get(lang),
                    state=_lower(seg.text[LANGS.index(lang)]),
                )
                for season, seg in parts
            ]
            # what every season agrees on first: at 22.00 a night shelter open from 18.00 in
            # winter and from 20.00 in summer is open whichever season it is
            both = "both" if len(parts) == 2 else "all"
            verdict = {True: f"seasons_{both}_open", False: f"seasons_{both}_closed"}.get(
                agreed,
                "seasons_differ",  # type: ignore[arg-type]
            )
            text = texts.ui(verdict, lang, states="; ".join(lines))
            return f"{text} {texts.ui('seasons_not_given', lang)}"

        out.append(Segment(edge, agreed, _pair(joined)))
    return _merge(out)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


# --- answers --------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    text: dict[str, str]
    open: bool | None
    next_change: dt.datetime | None  # when open/closed next changes (UTC); None: not known


def state_at(group: Group, cal: LatvianCalendar, strings: Strings, moment: dt.datetime) -> State:
    """The reference answer at one moment (the widget must give the same)."""
    day = riga(moment).date()
    segments = timeline(
        group, cal, strings, day - dt.timedelta(days=1), day + dt.timedelta(days=40)
    )
    index = max(i for i, seg in enumerate(segments) if seg.start <= moment)
    current = segments[index]
    later = [seg.start for seg in segments[index + 1 :] if seg.open != current.open]
    return State(
        dict(zip(LANGS, current.text, strict=True)), current.open, later[0] if later else None
    )


def epoch_minutes(moment: dt.datetime) -> int:
    return int(moment.timestamp()) // 60


def timeline_json(
    group: Group, cal: LatvianCalendar, strings: Strings, first: dt.date, last: dt.date
) -> dict[str, Any]:
    """The widget's data: segment starts as minute deltas, each with a message index."""
    segments = timeline(group, cal, strings, first, last)
    messages: dict[tuple[bool | None, tuple[str, str]], int] = {}
    steps: list[int] = []
    previous = epoch_minutes(segments[0].start)
    for seg in segments:
        index = messages.setdefault((seg.open, seg.text), len(messages))
        steps += [epoch_minutes(seg.start) - previous, index]
        previous = epoch_minutes(seg.start)
    ordered = sorted(messages.items(), key=lambda item: item[1])
    return {
        "from": epoch_minutes(segments[0].start),
        "to": epoch_minutes(midnight(last + dt.timedelta(days=1))),
        "s": steps,
        "f": [None if key[0] is None else int(key[0]) for key, _ in ordered],
        "lv": [key[1][0] for key, _ in ordered],
        "en": [key[1][1] for key, _ in ordered],
    }


# --- what the pages need ---------------------------------------------------------------


def window(today: dt.date) -> tuple[dt.date, dt.date]:
    return today, add_months(today, WINDOW_MONTHS)


def groups_by_key(data: Any) -> dict[str, Group]:
    """Every schedule group of the data by the key its state lines carry (``#<key>``)."""
    cal = LatvianCalendar(data.calendar)
    return {g.key(cal.shortening(g.provider_id)): g for g in all_groups(data)}


def all_groups(data: Any) -> list[Group]:
    """Every schedule group of the data (providers, units, services)."""
    found = []
    for provider_id, pf in data.providers.items():
        found += schedule_groups(pf.provider.hours, provider_id)
        for unit in pf.provider.units:
            found += schedule_groups(unit.hours, provider_id)
        for service in pf.services:
            found += schedule_groups(service.hours, provider_id)
    return found


def timelines(data: Any, strings: Strings, today: dt.date) -> dict[str, dict[str, Any]]:
    """Every schedule group's timeline by its key (identical schedules share one)."""
    cal = _calendar(data.calendar)
    first, last = window(today)
    out: dict[str, dict[str, Any]] = {}
    for group in all_groups(data):
        key = group.key(cal.shortening(group.provider_id))
        if key not in out:
            out[key] = timeline_json(group, cal, strings, first, last)
    return out


def write_timelines(data: Any, strings: Strings, out_file: Any, today: dt.date) -> list[str]:
    """The one file of the site's timelines (``HOURS_FILE``), fetched once per page and kept
    by the browser across pages; returns the keys written."""
    payload = timelines(data, strings, today)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    return list(payload)


@dataclass(frozen=True)
class DayChange:
    """A day in the next weeks whose hours are not the usual ones (a public holiday, a moved
    day off or working Saturday, a shortened day before a holiday), as the page lists it."""

    date: dt.date
    text: str
    shortened: bool = False  # the day before a holiday


_EXCEPTIONS: IdentityMemo[list[DayChange]] = IdentityMemo(_TIMELINES_MAX)  # as _TIMELINES


def exceptions(
    cal: LatvianCalendar,
    strings: Strings,
    provider_id: str | None,
    today: dt.date,
    lang: str,
    shortens: bool = True,
) -> list[DayChange]:
    """Holidays, moved days and shortened days in the next 60 days, for the page without
    JavaScript."""
    rule = cal.shortening(provider_id)
    key = (rule, today, lang, shortens, id(cal.data), id(strings))
    made = _EXCEPTIONS.get(
        key, (cal.data, strings), lambda: _exceptions(cal, strings, rule, today, lang, shortens)
    )
    return list(made)


def _exceptions(
    cal: LatvianCalendar,
    strings: Strings,
    rule: ShortenedRule,
    today: dt.date,
    lang: str,
    shortens: bool,
) -> list[DayChange]:
    texts = Texts(strings)
    out = []
    for offset in range(EXCEPTION_DAYS + 1):
        day = today + dt.timedelta(days=offset)
        info = cal.day(day)
        if info.kind == "holiday" and info.name:
            out.append(DayChange(day, texts.ui("ex.holiday", lang, name=info.name[lang])))
        elif info.kind == "moved_off" and info.moved_with:
            when = day_month(info.moved_with, lang)
            out.append(DayChange(day, texts.ui("ex.moved_off", lang, date=when)))
        if info.kind == "moved_work" and info.moved_with:
            weekday = format_date(info.moved_with, "EEEE", locale=BABEL_LOCALE[lang])
            if lang == "lv":  # "kā pirmdienā"
                weekday = locative(weekday)
            when = day_month(info.moved_with, lang)
            out.append(DayChange(day, texts.ui("ex.moved_work", lang, date=when, weekday=weekday)))
        if info.shortened and shortens:  # none of the hours shortens: nothing to say
            key = "ex.shortened" if rule == "one-hour-earlier" else "ex.not_shortened"
            out.append(DayChange(day, texts.ui(key, lang), shortened=True))
    return out


class OpenNowView:
    """What the partial ``overrides/widgets/open-now/open-now.html`` calls."""

    def __init__(self, page: Any):
        self.page = page
        self.cal = _calendar(page.data.calendar)
        self.today = build_date()

    def groups(
        self,
        schedules: Sequence[Any],
        provider_id: str,
        owners: Sequence[str] = (),
        whose: Sequence[str] = (),
    ) -> list[dict[str, Any]]:
        """One entry per state line, in the order of ``schedules`` (a service's own hours
        first). ``owners`` (beside ``schedules``, e.g. "Aprūpes mājās birojs") names whose
        hours a line answers, as the hours below it are titled ("" for the service's own);
        ``whose`` gives the same as ``provenance.Owner.key`` (the facts ledger reads it)."""
        rule = self.cal.shortening(provider_id)
        owner_of = {id(s): o for s, o in zip(schedules, owners, strict=False)}
        key_of = {id(s): k for s, k in zip(schedules, whose, strict=False)}
        out = []
        for group in schedule_groups(schedules, provider_id):
            owner = owner_of.get(id(group.schedules[0]), "")
            title = self.page.t(group.label) if group.label else self.page.ui("hours")
            out.append(
                {
                    "url": f"{self.page.widget_url(HOURS_FILE)}#{group.key(rule)}",
                    "label": group.label,
                    "owner": owner,
                    "whose": key_of.get(id(group.schedules[0]), "own"),
                    # whose and which hours: "Patversme — Administrācijas darba laiks"
                    "name": self.page.ui("hours.of_owner", owner=owner, title=title)
                    if owner
                    else title,
                    "reserve": self.longest(group),
                    # the list of holidays and changes applies: the calendar changes its hours
                    "calendar": group.weekly and any(s.closes_on_holidays for s in group.schedules),
                    "shortens": any(s.rule.shortened_before_holidays for s in group.schedules),
                }
            )
        return out

    def longest(self, group: Group) -> str:
        """The longest line the group shows in the next ``RESERVE_DAYS`` (page language): the
        line keeps room for it, so that nothing below moves when the widget fills it in."""
        last = self.today + dt.timedelta(days=RESERVE_DAYS)
        segments = timeline(group, self.cal, self.page.ui_strings, self.today, last)
        return max((seg.text[LANGS.index(self.page.lang)] for seg in segments), key=len)

    def exceptions(self, provider_id: str, groups: Sequence[dict[str, Any]]) -> list[DayChange]:
        """The holidays and changes of the next 60 days for the lines of ``groups`` that the
        calendar changes; a day before a holiday names the hours it shortens when others
        on the page are not shortened (meal times, a hand-out)."""
        listed = [g for g in groups if g["calendar"]]
        shortening = [g["name"] for g in listed if g["shortens"]]
        rows = exceptions(
            self.cal,
            self.page.ui_strings,
            provider_id,
            self.today,
            self.page.lang,
            shortens=bool(shortening),
        )
        if not shortening or len(shortening) == len(listed):
            return rows
        names = "; ".join(shortening)
        return [
            DayChange(r.date, self.page.ui("open_now.ex.only", text=r.text, names=names))
            if r.shortened
            else r
            for r in rows
        ]

    @staticmethod
    def applies_to(groups: Sequence[dict[str, Any]]) -> str:
        """Whose hours the list of holidays is about: "Patversme — Administrācijas darba
        laiks" (a round-the-clock line beside it is not closed on holidays)."""
        return "; ".join(g["name"] for g in groups if g["calendar"])

    def date(self, day: dt.date) -> str:
        return weekday_date(day, self.page.lang)

    @property
    def as_of(self) -> str:
        """The build date in a sentence: "2026. gada 28. novembrī" / "28 November 2026"."""
        return long_date(self.today, self.page.lang, case="loc")

    @property
    def basis(self) -> str:
        return self.cal.legal_basis.get(self.page.lang)

    def service_urls(self, service_id: str) -> str:
        """The timelines a directory entry is open by: the service's own operating hours
        only (provenance.ServiceFacts.operating), never its office's or provider's."""
        facts = resolve(self.page.data, service_id)
        rule = self.cal.shortening(facts.provider.id)
        url = self.page.widget_url(HOURS_FILE)
        groups = schedule_groups(facts.operating, facts.provider.id)
        return " ".join(f"{url}#{g.key(rule)}" for g in groups)


_CALENDARS: IdentityMemo[LatvianCalendar] = IdentityMemo(16)


def _calendar(data: Any) -> LatvianCalendar:
    """One calendar per calendar data (by identity, kept alive by the entry), so that every
    page of a build asks the same one and each date is worked out once."""
    return _CALENDARS.get(id(data), (data,), lambda: LatvianCalendar(data))


def template_helpers(page: Any) -> dict[str, Any]:
    return {"open_now": OpenNowView(page)}
