from harmtrace.config import Settings, database_url


def test_defaults_then_file_then_environment_then_flags(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HARMTRACE_DB", raising=False)
    assert Settings().db == "sqlite:///harmtrace.db"
    (tmp_path / "harmtrace.toml").write_text('db = "from-file.db"\nbatch_size = 7\n')
    assert Settings().db == "from-file.db"
    assert Settings().batch_size == 7
    monkeypatch.setenv("HARMTRACE_DB", "from-env.db")
    assert Settings().db == "from-env.db"
    assert Settings(db="from-flag.db").db == "from-flag.db"


def test_database_url_takes_paths_and_urls():
    assert database_url("data/store.db") == "sqlite:///data/store.db"
    assert database_url("postgresql://u:p@127.0.0.1/h") == "postgresql://u:p@127.0.0.1/h"
