"""The observance calendar: rules from the packaged TOML, Iran's Quds Day practice, overrides, limits."""
import datetime as dt

import pytest

from presswatch.check.observances import Calendar, CalendarError, default_calendar, parse_years
from presswatch.cli import main


@pytest.fixture(scope="module")
def cal():
    return default_calendar()


def test_quds_day_2024_is_the_last_friday_of_ramadan_1445(cal):
    (o,) = cal.occurrences("Quds Day", 2024)
    assert o.date == dt.date(2024, 4, 5) and o.country == "IR" and o.basis == "computed"
    assert "Ramadan 1445 runs 2024-03-11..2024-04-09" in o.explanation
    assert o.caveat == "computed, may be off by a day"


@pytest.mark.parametrize("year", range(1990, 2040))
def test_quds_day_rule_holds_every_year(cal, year):
    occs = cal.occurrences("International Quds Day", year)
    assert 1 <= len(occs) <= 2  # Ramadan falls twice in some Gregorian years (1999, 2032)
    for o in occs:
        assert o.date.weekday() == 4
        start, end = cal.month_span(o.hijri_year, 9)
        iran_day = (o.date - start).days  # Iran's month taken to begin a day after Umm al-Qura
        assert 1 <= iran_day <= 28
        # no later Friday of Ramadan is day 28 or earlier in Iran's reckoning
        later = o.date + dt.timedelta(days=7)
        assert later > end or (later - start).days > 28


def test_other_observances(cal):
    assert [o.date for o in cal.occurrences("Nakba Day", 2023)] == [dt.date(2023, 5, 15)]
    assert [o.date for o in cal.occurrences("women's day", 2021)] == [dt.date(2021, 3, 8)]
    assert [o.date for o in cal.occurrences("Eid al-Fitr", 2000)] == [dt.date(2000, 1, 8), dt.date(2000, 12, 27)]
    (start,) = cal.occurrences("Ramadan (first day)", 2024)
    (end,) = cal.occurrences("Ramadan (last day)", 2024)
    assert (start.date, end.date) == (dt.date(2024, 3, 11), dt.date(2024, 4, 9))
    (ir,) = cal.occurrences("ramadan_start", 2024, "IR")
    assert ir.date == dt.date(2024, 3, 12) and "Iran" in ir.explanation
    (mawlid_ir,) = cal.occurrences("Mawlid", 2023, "IR")
    (mawlid,) = cal.occurrences("Mawlid", 2023)
    assert (mawlid_ir.date - mawlid.date).days == 6  # 17 vs 12 Rabi' al-Awwal, a day later in Iran
    for name in ("Ashura", "Eid al-Adha", "Arbaeen", "Islamic New Year", "Laylat al-Qadr"):
        assert cal.occurrences(name, 2024)


def test_names_and_mentions(cal):
    assert cal.lookup("al-quds day").key == "quds_day"
    assert cal.lookup("International Qods Day").key == "quds_day"
    with pytest.raises(CalendarError, match="did you mean"):
        cal.lookup("Quds Dya")
    found = [(text, o.key) for s, e, o in cal.mentions("On Al-Quds Day and on Nakba Day") for text in ["x"]]
    assert [k for _, k in found] == ["quds_day", "nakba_day"]


def test_years_outside_the_tables(cal):
    with pytest.raises(CalendarError, match="outside the Umm al-Qura tables"):
        cal.occurrences("Ashura", 1900)
    assert cal.occurrences("Nakba Day", 1900)[0].date == dt.date(1900, 5, 15)


def test_overrides_win_and_need_a_source(tmp_path):
    good = tmp_path / "announced.toml"
    good.write_text('[[override]]\nobservance = "Quds Day"\ncountry = "IR"\ndate = "2030-02-08"\n'
                    'source = "a test announcement"\n')
    cal = Calendar.load(overrides=[good])
    (o,) = cal.occurrences("Quds Day", 2030)
    assert (o.date, o.basis, o.source) == (dt.date(2030, 2, 8), "announced", "a test announcement")
    assert "the computation gives 2030-02-01" in o.explanation
    bad = tmp_path / "bad.toml"
    bad.write_text('[[override]]\nobservance = "Quds Day"\ndate = "2030-02-08"\n')
    with pytest.raises(CalendarError, match="needs its source"):
        Calendar.load(overrides=[bad])
    bad.write_text('[[override]]\nobservance = "Quds Day"\ndate = "8 Feb 2030"\nsource = "x"\n')
    with pytest.raises(CalendarError, match="not a YYYY-MM-DD"):
        Calendar.load(overrides=[bad])
    bad.write_text("not = [toml")
    with pytest.raises(CalendarError, match="not valid TOML"):
        Calendar.load(overrides=[bad])
    with pytest.raises(CalendarError, match="cannot read"):
        Calendar.load(overrides=[tmp_path / "missing.toml"])


def test_parse_years():
    assert parse_years("2000..2003") == [2000, 2001, 2002, 2003]
    assert parse_years("2019,2021") == [2019, 2021]
    for bad in ("abc", "2030..2000", "1..3000", ""):
        with pytest.raises(CalendarError):
            parse_years(bad)


def test_cli_calendar(capsys):
    with pytest.raises(SystemExit) as ex:
        main(["calendar", "Quds Day", "2023..2025"])
    assert ex.value.code == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split()[:3] == ["2023", "2023-04-14", "Fri"]
    assert out[2].split()[:2] == ["2024", "2024-04-05"]
    assert "computed, may be off by a day" in out[2]


@pytest.mark.parametrize("args,message", [
    (["calendar", "Quds Dya", "2024"], "no observance called 'Quds Dya'"),
    (["calendar", "Quds Day", "soon"], "is not a year"),
    (["calendar", "Ashura", "1800..1801"], "outside the Umm al-Qura tables"),
])
def test_cli_calendar_errors(capsys, args, message):
    with pytest.raises(SystemExit) as ex:
        main(args)
    assert ex.value.code == 1
    out = capsys.readouterr()
    assert message in out.err + out.out
    assert "Traceback" not in out.err
