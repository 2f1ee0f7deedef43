"""Exceptions of the pipeline. Each says, in one line, what went wrong.

``ExtractionError`` and its subclasses mark a *document* as failed (the run goes
on); ``ConfigError`` is a usage error (exit code 2).
"""


class PipelineError(Exception):
    "Base class of the pipeline's own errors."


class ConfigError(PipelineError):
    "Bad parameters or configuration: the user has to fix something."


class ExtractionError(PipelineError):
    "A document could not be turned into text; the message says why."


class EmptyDocumentError(ExtractionError):
    "The file holds no text."


class EncryptedDocumentError(ExtractionError):
    "The PDF is encrypted and cannot be opened without a password."


class NoTextLayerError(ExtractionError):
    "The PDF has pages but no text layer (scanned images); it needs OCR."


class UnsupportedFormatError(ExtractionError):
    "The file is neither a PDF, an HTML page nor plain text."


class DocumentTooLargeError(ExtractionError):
    "The file exceeds the configured size or page limit."


class DocumentTimeoutError(ExtractionError):
    "Processing the document took longer than the configured time limit."


class DatabaseBusyError(PipelineError):
    "Another process holds the database open for writing."


class ReadOnlyQueryError(PipelineError):
    "A query tried to modify the database through the read-only query command."


class ModelError(PipelineError):
    "A model folder is missing, incomplete or does not fit this code."
