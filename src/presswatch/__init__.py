"""presswatch: who said what, when, and does it check out, in news articles."""
from .errors import InputError, ModelNotFound, PipelineError, PresswatchError, SettingError
from .pipeline import analyze, analyze_many
from .records import Analysis, Article, Entity, Publication, Quote, Speaker, Span, StatementTime

__version__ = "0.1.0"

__all__ = [
    "analyze", "analyze_many",
    "Analysis", "Article", "Entity", "Publication", "Quote", "Speaker", "Span", "StatementTime",
    "PresswatchError", "InputError", "PipelineError", "ModelNotFound", "SettingError",
    "__version__",
]
