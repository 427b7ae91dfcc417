"""presswatch: who said what, when, and does it check out, in news articles."""
from .errors import InputError, ModelNotFound, PipelineError, PresswatchError, SettingError, StoreError
from .options import Options, RunOptions
from .pipeline import analysis_of, analyze, analyze_many
from .records import (Analysis, Article, Check, Claim, Entity, Publication, Quote, Speaker, Span, StatementTime,
                      TimeExpr)

__version__ = "0.1.0"

__all__ = [
    "analyze", "analyze_many", "analysis_of", "Options", "RunOptions",
    "Analysis", "Article", "Check", "Claim", "Entity", "Publication", "Quote", "Speaker", "Span",
    "StatementTime", "TimeExpr",
    "PresswatchError", "InputError", "PipelineError", "ModelNotFound", "SettingError", "StoreError",
    "__version__",
]
