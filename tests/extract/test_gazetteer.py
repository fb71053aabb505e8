import sqlite3
import zipfile
from pathlib import Path

import pytest

from harmtrace.config import get_settings
from harmtrace.errors import HarmtraceError
from harmtrace.extract import gazetteer
from harmtrace.extract.gazetteer import geocode, load_geonames, place_key

# Rows in the GeoNames dump layout: 19 tab-separated columns (geonameid, name, asciiname,
# alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
# admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modified).
ROWS = [
    ["9000001", "Tall Zaytuna", "Tall Zaytuna", "Tal Zeitouneh,Tell Zaytuna", "35.1", "36.7", "P",
     "PPL", "SY", "", "12", "", "", "", "350", "", "300", "Asia/Damascus", "2020-01-01"],
    ["9000002", "Tall Zaytuna", "Tall Zaytuna", "", "31.9", "35.9", "P", "PPL", "JO", "", "02",
     "", "", "", "90", "", "800", "Asia/Amman", "2020-01-01"],
    ["9000003", "Wadi Qasr Province", "Wadi Qasr Province", "", "15.0", "44.0", "A", "ADM1",
     "YE", "", "07", "", "", "", "0", "", "1200", "Asia/Aden", "2020-01-01"],
    ["9000004", "Hayy al-Nakhil", "Hayy al-Nakhil", "", "33.3", "44.4", "P", "PPLX", "IQ", "",
     "07", "", "", "", "0", "", "40", "Asia/Baghdad", "2020-01-01"],
    ["9000005", "Qasr Hotel", "Qasr Hotel", "", "33.3", "44.4", "S", "HTL", "IQ", "", "07", "",
     "", "", "0", "", "40", "Asia/Baghdad", "2020-01-01"],
]


def _dump(path: Path) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in ROWS), encoding="utf-8")
    return path


@pytest.fixture
def user_gazetteer(tmp_path, monkeypatch):
    """Settings pointing at a gazetteer file in tmp_path; caches reset before and after."""
    target = tmp_path / "gazetteer.sqlite"
    monkeypatch.setenv("HARMTRACE_GAZETTEER_PATH", str(target))
    get_settings.cache_clear()
    gazetteer._user_db.cache_clear()
    yield target
    get_settings.cache_clear()
    gazetteer._user_db.cache_clear()


def test_place_key_ignores_case_accents_and_article():
    assert place_key("Al-Jadida") == place_key("al Jadida") == "jadida"
    assert place_key("Khān Shaykhūn") == "khan shaykhun"


def test_packaged_gazetteer_knows_cities_and_alternate_spellings():
    mosul = geocode("Mosul")
    assert mosul is not None and mosul.country == "IQ" and mosul.precision == "city"
    saraqib = geocode("Saraqeb")
    assert saraqib is not None and saraqib.country == "SY"


def test_additions_hold_neighbourhoods_with_their_city():
    jadida = geocode("al-Jadidah")
    assert jadida is not None
    assert (jadida.name, jadida.admin, jadida.country, jadida.precision) == (
        "al-Jadida", "Mosul", "IQ", "district")


def test_unknown_name_is_none():
    assert geocode("Qaryat Nowhere-at-all") is None


def test_load_geonames_dump_indexes_names_and_alternates(tmp_path, user_gazetteer):
    count = load_geonames(_dump(tmp_path / "allCountries.txt"))
    assert count > 0 and user_gazetteer.is_file()
    with sqlite3.connect(user_gazetteer) as db:
        keys = {row[0] for row in db.execute("SELECT key FROM places")}
    assert {"tall zaytuna", "tal zeitouneh", "tell zaytuna", "hayy al nakhil"} <= keys
    assert "qasr hotel" not in keys  # feature class S is not loaded by default


def test_geocode_consults_the_loaded_dump_and_prefers_the_report_country(
        tmp_path, user_gazetteer):
    load_geonames(_dump(tmp_path / "cities500.txt"))
    village = geocode("Tell Zaytuna")
    assert village is not None and village.country == "SY"  # the more populous namesake
    assert geocode("Tall Zaytuna", country="JO").country == "JO"
    district = geocode("Hayy al-Nakhil")
    assert district is not None and district.precision == "district"
    assert geocode("Wadi Qasr Province").precision == "province"


def test_load_geonames_reads_a_zipped_dump(tmp_path, user_gazetteer):
    plain = _dump(tmp_path / "SY.txt")
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(plain, "SY.txt")
        zf.writestr("readme.txt", "not a dump")
    assert load_geonames(archive, tmp_path / "other.sqlite") == load_geonames(plain)


def test_a_file_that_is_no_dump_is_refused(tmp_path, user_gazetteer):
    bad = tmp_path / "bad.txt"
    bad.write_text("name,country\nX,SY\n", encoding="utf-8")
    with pytest.raises(HarmtraceError, match="GeoNames"):
        load_geonames(bad)
    with pytest.raises(HarmtraceError, match="no such"):
        load_geonames(tmp_path / "missing.txt")


def test_gazetteer_load_command_makes_new_villages_geocodable(user_gazetteer, tmp_path):
    from typer.testing import CliRunner

    from harmtrace.cli import app

    result = CliRunner().invoke(app, ["gazetteer", "load", str(_dump(tmp_path / "dump.txt"))])
    assert result.exit_code == 0, result.output
    assert "names indexed" in result.output
    gazetteer._user_db.cache_clear()
    found = geocode("Tell Zaytuna", country="SY")
    assert found is not None and found.country == "SY"
