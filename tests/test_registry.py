"""The speaker registry a user supplies: TOML and CSV read alike, every mistake one clear line."""
from datetime import date

import pytest

from presswatch.corpus.registry import RegistryEntry, entries_from_json, entries_to_json, read_registry
from presswatch.errors import InputError

TOML = '''
[[speaker]]
name = "Pete Buttigieg"
aliases = ["Buttigieg", "Mayor Pete"]
gender = "m"
wikidata = "Q7172783"
roles = [{title = "Transportation Secretary", start = 2021-02-03, end = "2025-01-20"},
         "Mayor of South Bend [2012-01-01..2020-01-01]"]

[[speaker]]
name = "Transport for London"
aliases = ["TfL"]
kind = "org"

[[speaker]]
name = "Grant Shapps"
roles = ["Transport Minister 2019-07-24..2022-09-06", "MP for Welwyn Hatfield [2005-05-05..]"]
'''

CSV = '''name,aliases,kind,gender,wikidata,roles
Pete Buttigieg,Buttigieg;Mayor Pete,,M,q7172783,Transportation Secretary [2021-02-03..2025-01-20];Mayor of South Bend [2012-01-01..2020-01-01]

Transport for London,TfL,ORG,,,
"Smith, Jones & Co",,group,,,
'''


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_toml(tmp_path):
    pete, tfl, shapps = read_registry(write(tmp_path, "r.toml", TOML))
    assert pete == RegistryEntry("Q7172783", "Pete Buttigieg", ("Buttigieg", "Mayor Pete"), "PERSON", "m",
                                 "Q7172783", (("Transportation Secretary", date(2021, 2, 3), date(2025, 1, 20)),
                                              ("Mayor of South Bend", date(2012, 1, 1), date(2020, 1, 1))))
    assert (tfl.id, tfl.kind, tfl.aliases, tfl.gender, tfl.wikidata, tfl.roles) == \
        ("reg-transport-for-london", "ORG", ("TfL",), None, None, ())
    assert shapps.roles == (("Transport Minister", date(2019, 7, 24), date(2022, 9, 6)),
                            ("MP for Welwyn Hatfield", date(2005, 5, 5), None))


def test_csv_reads_as_the_toml_does(tmp_path):
    pete, tfl, firm = read_registry(write(tmp_path, "r.csv", CSV))
    assert pete == read_registry(write(tmp_path, "r.toml", TOML))[0]  # M and q7172783 normalised
    assert tfl.id == "reg-transport-for-london" and tfl.aliases == ("TfL",) and tfl.kind == "ORG"
    assert firm.name == "Smith, Jones & Co" and firm.kind == "GROUP" and firm.id == "reg-smith-jones-co"


def test_csv_columns_may_be_fewer_and_in_any_order(tmp_path):
    [e] = read_registry(write(tmp_path, "r.csv", "aliases,name\nKhamenei;Ayatollah Khamenei,Ali Khamenei\n"))
    assert (e.name, e.aliases, e.kind, e.id) == ("Ali Khamenei", ("Khamenei", "Ayatollah Khamenei"),
                                                 "PERSON", "reg-ali-khamenei")


def test_an_alias_that_is_the_name_or_repeated_is_kept_once(tmp_path):
    [e] = read_registry(write(tmp_path, "r.toml", '[[speaker]]\nname = "Ali Khamenei"\n'
                                                  'aliases = ["ali khamenei", "Khamenei", "KHAMENEI"]\n'))
    assert e.aliases == ("Khamenei",)


def test_an_empty_registry_has_no_entries(tmp_path):
    assert read_registry(write(tmp_path, "r.toml", "")) == []
    assert read_registry(write(tmp_path, "r.csv", "name,aliases\n")) == []


def test_json_round_trip(tmp_path):
    entries = read_registry(write(tmp_path, "r.toml", TOML))
    text = entries_to_json(entries)
    assert entries_from_json(text) == entries
    assert '"start": "2021-02-03"' in text


@pytest.mark.parametrize("text", ["not json", '{"version": 2, "speakers": []}', "[]",
                                  '{"version": 1, "speakers": [{"id": "Q1", "name": "A", "wikidata": "Q2"}]}',
                                  '{"version": 1, "speakers": [{"id": "reg-a", "name": "A", "kind": "CAT"}]}'])
def test_bad_stored_json(text):
    with pytest.raises(InputError) as err:
        entries_from_json(text)
    assert str(err.value).startswith("the stored speaker registry: ")


TOML_ERRORS = [
    ('[[speaker]]\naliases = ["X"]\n', "entry 1 (line 1): no name"),
    ('[[speaker]]\nname = "A"\n\n[[speaker]]\nname = "B"\nkind = "company"\n',
     "entry 2 (line 4): unknown kind 'company': use PERSON, ORG or GROUP"),
    ('[[speaker]]\nname = "A"\ngender = "male"\n', "bad gender 'male': use m, f or x"),
    ('[[speaker]]\nname = "A"\nwikidata = "6294"\n', "bad wikidata id '6294': write it like Q6294"),
    ('[[speaker]]\nname = "A"\nroles = ["Mayor [2021-13-01..]"]\n', "bad date '2021-13-01' for role 'Mayor'"),
    ('[[speaker]]\nname = "A"\nroles = [{title = "Mayor", start = "March 2021"}]\n', "bad date 'March 2021'"),
    ('[[speaker]]\nname = "A"\nroles = ["Mayor [2022-01-01..2021-01-01]"]\n', "ends (2021-01-01) before it starts"),
    ('[[speaker]]\nname = "A"\nroles = ["Mayor [2021-01-01]"]\n', "bad period in role"),
    ('[[speaker]]\nname = "A"\nroles = [{start = 2021-01-01}]\n', "a role has no title"),
    ('[[speaker]]\nname = "A"\nroles = [{title = "Mayor", from = 2021-01-01}]\n', "unknown key 'from' in a role"),
    ('[[speaker]]\nname = "A"\naliases = "B"\n', "aliases must be a list"),
    ('[[speaker]]\nname = "A"\nalias = ["B"]\n', "unknown field 'alias'"),
    ('[[speaker]]\nname = "A"\n[[speaker]]\nname = "a"\n', "entry 2 (line 3): duplicate id 'reg-a' (also entry 1 (line 1))"),
    ('[[speaker]]\nname = "A"\nwikidata = "Q1"\n[[speaker]]\nname = "B"\nwikidata = "Q1"\n', "duplicate id 'Q1'"),
    ('[[speaker]]\nname = "Ann Lee"\naliases = ["Lee"]\n[[speaker]]\nname = "Bo Lee"\naliases = ["Lee"]\n',
     "entry 2 (line 4): 'Lee' is claimed by two entries ('Bo Lee' and 'Ann Lee', entry 1 (line 1))"),
    ('[[speaker]]\nname = "Lee"\n[[speaker]]\nname = "Bo Lee"\naliases = ["lee"]\n', "'lee' is claimed by two entries"),
    ('[[speaker]]\nname = "A"\n[speaker2]\nx = 1\n', "unknown table 'speaker2'"),
    ('[speaker]\nname = "A"\n', "write each entry as a [[speaker]] table"),
    ('[[speaker]]\nname = "A\n', "not valid TOML"),
]


@pytest.mark.parametrize("text,message", TOML_ERRORS)
def test_toml_errors(tmp_path, text, message):
    path = write(tmp_path, "r.toml", text)
    with pytest.raises(InputError) as err:
        read_registry(path)
    line = str(err.value)
    assert line.startswith(f"{path}: ") and message in line and "\n" not in line


CSV_ERRORS = [
    ("aliases,kind\nX,ORG\n", "line 1: bad header 'aliases,kind'"),
    ("name,alias\nA,B\n", "line 1: bad header"),
    ("name,name\nA,B\n", "line 1: bad header"),
    ("name,kind\nA,PERSON\n,ORG\n", "line 3: no name"),
    ("name,kind\nA,PERSON\n\nB,company\n", "line 4: unknown kind 'company'"),
    ("name,gender\nA,w\n", "line 2: bad gender 'w'"),
    ("name,wikidata\nA,Q0\n", "line 2: bad wikidata id 'Q0'"),
    ("name,roles\nA,Mayor [2021-02-30..]\n", "line 2: bad date '2021-02-30'"),
    ("name,roles\nA,Mayor [2021-01-01..\n", "line 2: bad role"),
    ("name,aliases\nSmith, Jones & Co,\n", "line 2: 3 fields for 2 columns"),
    ("name\nA\na\n", "line 3: duplicate id 'reg-a'"),
    ("name,aliases\nAnn Lee,Lee\nBo Lee,Lee\n", "line 3: 'Lee' is claimed by two entries"),
    ('name,aliases\n"A,B\n', "not valid CSV"),
]


@pytest.mark.parametrize("text,message", CSV_ERRORS)
def test_csv_errors(tmp_path, text, message):
    path = write(tmp_path, "r.csv", text)
    with pytest.raises(InputError) as err:
        read_registry(path)
    line = str(err.value)
    assert line.startswith(f"{path}: ") and message in line and "\n" not in line


def test_file_errors(tmp_path):
    with pytest.raises(InputError, match=r"unknown registry format '.json': name the file .toml or .csv"):
        read_registry(write(tmp_path, "r.json", "{}"))
    with pytest.raises(InputError, match="cannot read the registry"):
        read_registry(tmp_path / "missing.toml")
    latin = tmp_path / "r.csv"
    latin.write_bytes("name\nJos\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="is not UTF-8 text"):
        read_registry(latin)


def test_the_cli_style_line_has_no_traceback_text(tmp_path):
    path = write(tmp_path, "r.toml", '[[speaker]]\nname = "A"\nkind = 3\n')
    with pytest.raises(InputError) as err:
        read_registry(path)
    assert str(err.value) == f"{path}: entry 1 (line 1): kind must be text, not int"
    assert err.value.__cause__ is None and err.value.__suppress_context__
