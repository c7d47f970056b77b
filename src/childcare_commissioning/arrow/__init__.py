"""Table-shaped bulk functions over Apache Arrow, for analysts and data engines.

Three functions take an Arrow ``Table`` or ``RecordBatch`` and return an Arrow ``Table``;
each has a batch-iterator form (``*_batches``) that takes and yields ``RecordBatch``\\ es,
so it runs unchanged inside an engine: DuckDB and Polars hand Arrow over directly, and
PySpark's ``DataFrame.mapInArrow`` calls the iterator form once per partition.

- :func:`deadlines`: a column of triggers (council, rule id, trigger instant) to due
  instants and dates;
- :func:`referral_decisions`: a table of referrals to ages, decisions and reasons;
- :func:`invoice_lines`: a table of delivery records to one row per invoice line, money
  as ``decimal128`` to the penny.

Every answer comes from the library's scalar API
(:func:`~childcare_commissioning.deadlines.evaluate`,
:func:`~childcare_commissioning.referrals.check_referral`,
:func:`~childcare_commissioning.billing.run_invoices`), row by row or package by package,
so the table answers are the scalar answers. Every output row carries the rule id and its
citation (``spec``, ``clause``, ``quote``) as columns.

A bad row is never dropped. With ``on_error="raise"`` (the default) it raises
:class:`ArrowInputError` naming the column and the row (counted from 0 across every batch
the call saw); with ``on_error="column"`` the row's answer columns are null and ``error``
says what is wrong and where. Values are never echoed in errors: they may be personal
data (a date of birth).

pyarrow is an optional extra (``pip install childcare-commissioning[arrow]``): this module
imports it, ``import childcare_commissioning`` does not.
"""

from childcare_commissioning.arrow._base import (
    DEADLINES_SCHEMA,
    FOUR_PLACES,
    INVOICE_LINES_SCHEMA,
    PENNIES,
    REFERRAL_DECISIONS_SCHEMA,
    ArrowInputError,
)
from childcare_commissioning.arrow._batches import invoice_lines_batches
from childcare_commissioning.arrow._deadlines import deadlines, deadlines_batches
from childcare_commissioning.arrow._invoices import RECORD_COLUMNS, invoice_lines
from childcare_commissioning.arrow._referrals import (
    REFERRAL_COLUMNS,
    referral_decisions,
    referral_decisions_batches,
)

__all__ = [
    "DEADLINES_SCHEMA",
    "FOUR_PLACES",
    "INVOICE_LINES_SCHEMA",
    "PENNIES",
    "RECORD_COLUMNS",
    "REFERRAL_COLUMNS",
    "REFERRAL_DECISIONS_SCHEMA",
    "ArrowInputError",
    "deadlines",
    "deadlines_batches",
    "invoice_lines",
    "invoice_lines_batches",
    "referral_decisions",
    "referral_decisions_batches",
]
