"""One exception tree for presswatch. Every message says what went wrong and what to do."""


class PresswatchError(Exception):
    """Base of every error presswatch raises on purpose."""


class InputError(PresswatchError):
    """An input (file, line, argument) cannot be read as an article."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class CorrectionError(PresswatchError):
    """A speaker correction by hand (merge, split, undo) names what the store does not have."""


class PipelineError(PresswatchError):
    """The NLP pipeline could not be built or failed on an article."""


class ModelNotFound(PipelineError):
    """No spaCy model could be loaded."""


class SettingError(PresswatchError):
    """A setting (option or PRESSWATCH_* variable) has an invalid value."""


class StoreError(PresswatchError):
    """The corpus store cannot be opened, migrated, written or read."""


class SearchSyntaxError(StoreError):
    """A search query cannot be parsed; the message says what to change."""
