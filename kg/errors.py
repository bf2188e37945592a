"""Errors raised by kg; the CLI turns them into exit codes."""


class KgError(Exception):
    """Base class for every error kg raises on purpose."""


class InputError(KgError):
    """An input file or line could not be read as an article."""


class OntologyError(KgError):
    """The ontology file is missing or is not valid OWL in Turtle."""


class UnknownQuery(KgError):
    """No query with that name or path exists."""


class QueryError(KgError):
    """A SPARQL query could not be parsed or run."""


class StoreError(KgError):
    """The store could not be opened (missing, locked) or written."""


class ModelError(KgError):
    """No usable spaCy pipeline could be loaded."""
