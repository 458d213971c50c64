class IngestError(Exception):
    """A file that cannot be turned into lines; the message is shown to users."""
