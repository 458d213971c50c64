class IngestError(Exception):
    """A file that cannot be turned into lines; the message is shown to users."""


def unreadable(exc: OSError) -> IngestError:
    """The IngestError for a file the operating system would not read (also
    used by the batch runner, which stats and hashes files before ingest)."""
    if isinstance(exc, FileNotFoundError):
        return IngestError("file disappeared before it could be read")
    if isinstance(exc, PermissionError):
        return IngestError("permission denied: the file cannot be read")
    if isinstance(exc, IsADirectoryError):
        return IngestError("is a directory, not a file")
    return IngestError(f"cannot read file: {exc.strerror or exc}")
