"""Export formats offered by the UI and the API, with the media type each is served as."""

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
    "conflict-csv": "text/csv; charset=utf-8",
}
