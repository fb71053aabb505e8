"""harmtrace: a sourced, reconciled record of civilian harm from conflict news."""

__version__ = "0.1.0"
